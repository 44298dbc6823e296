package org.jiandu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiandu.IntegrationTest;
import org.jiandu.identity.AdminLevel;
import org.jiandu.identity.OrgKind;
import org.jiandu.identity.OrgUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class DocumentNumbersTest extends IntegrationTest {

    private static final Pattern NUMBER = Pattern.compile("测监建〔2026〕(\\d+)号");

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void formatsWithoutLeadingZerosInHexagonalBrackets() {
        assertThat(DocumentNumbers.format("{abbr}建〔{year}〕{n}号", "宁司监", 2026, 7)).isEqualTo("宁司监建〔2026〕7号");
    }

    @Test
    void twentyConcurrentSigningsGetTwentyConsecutiveNumbers() throws Exception {
        OrgUnit issuer = issuer("NUM" + System.nanoTime() % 100000);
        int signings = 20;
        ExecutorService pool = Executors.newFixedThreadPool(signings);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < signings; i++) {
            Callable<String> signing = () -> {
                start.await();
                return transactions.execute(status -> numbers.next(issuer, DocType.SUGGESTION_LETTER, 2026));
            };
            results.add(pool.submit(signing));
        }
        start.countDown();
        List<Integer> taken = new ArrayList<>();
        for (Future<String> result : results) {
            Matcher matcher = NUMBER.matcher(result.get());
            assertThat(matcher.matches()).as(result.get()).isTrue();
            taken.add(Integer.parseInt(matcher.group(1)));
        }
        pool.shutdown();
        Collections.sort(taken);
        List<Integer> expected = new ArrayList<>();
        for (int n = 1; n <= signings; n++) {
            expected.add(n);
        }
        assertThat(taken).isEqualTo(expected);
    }

    @Test
    void aSigningThatFailsAfterTakingItsNumberLeavesNoGap() {
        OrgUnit issuer = issuer("GAP" + System.nanoTime() % 100000);
        assertThat(take(issuer, DocType.SUGGESTION_LETTER, 2026)).isEqualTo("测监建〔2026〕1号");
        assertThatThrownBy(() -> transactions.execute(status -> {
            numbers.next(issuer, DocType.SUGGESTION_LETTER, 2026);
            throw new IllegalStateException("signing failed after numbering");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(take(issuer, DocType.SUGGESTION_LETTER, 2026)).isEqualTo("测监建〔2026〕2号");
        // another type and another year count on their own
        assertThat(take(issuer, DocType.REMINDER_NOTICE, 2026)).isEqualTo("测监催〔2026〕1号");
        assertThat(take(issuer, DocType.SUGGESTION_LETTER, 2027)).isEqualTo("测监建〔2027〕1号");
    }

    private String take(OrgUnit issuer, DocType type, int year) {
        return transactions.execute(status -> numbers.next(issuer, type, year));
    }

    private static OrgUnit issuer(String code) {
        return new OrgUnit(1L, code, "测试司法局", OrgKind.SUPERVISION_BODY, AdminLevel.CITY, null, "/1/", "测监", true);
    }
}
