package org.jiandu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jiandu.IntegrationTest;
import org.jiandu.support.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An inbox page costs the same few SQL statements whatever its size, with a thousand open tasks present. */
class InboxQueryCountTest extends IntegrationTest {

    private static final int OPEN_TASKS = 1000;

    @Autowired
    ProcessEngine engine;

    private ProcessInstance bulk;

    @BeforeEach
    void openAThousandTasks() {
        InboxTestProcesses.deploy(engine);
        bulk = engine.getRuntimeService().startProcessInstanceByKey(InboxTestProcesses.BULK, "BULK-" + System.nanoTime(),
                Map.of("count", OPEN_TASKS, "agencyCode", "SCJ"));
    }

    @AfterEach
    void removeThem() {
        engine.getRuntimeService().deleteProcessInstance(bulk.getId(), "test finished");
    }

    @Test
    void aPageIsLoadedInABoundedNumberOfStatements() {
        String query = "/api/tasks?view=CLAIMABLE&processKey=" + InboxTestProcesses.BULK + "&sort=DUE&order=asc&size=";
        get("auditor", query + "5"); // warm-up: caches of the engine and the connection pool

        long small = statementsOf(() -> {
            Response page = get("auditor", query + "10");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("total").asLong()).isEqualTo(OPEN_TASKS);
            assertThat(page.body().get("items")).hasSize(10);
        });
        long large = statementsOf(() -> {
            Response page = get("auditor", query + "100"); // the largest page (web.PagingRule)
            assertThat(page.body().get("items")).hasSize(100);
            assertThat(page.body().get("items").get(99).get("agencyName").asText()).isEqualTo("市市场监督管理局");
            assertThat(page.body().get("items").get(99).get("businessKey").asText()).startsWith("BULK-");
        });

        assertThat(large).isEqualTo(small);
        // the identity version (a login remembered: identity.LoginCache), the badges, the filtered page and its count
        // from the inbox index, the page's tasks read again from the engine as the caller (with its authorization
        // look-ups), the names of its organisations and people, 抄送我的's count, the due-date flags' policy: 11 when
        // this was written (15 while every request checked the password and read the profile, 25 while the engine's
        // task queries served the page)
        assertThat(large).isLessThanOrEqualTo(11);
    }

    @Test
    void anUnfilteredPageCountsItsViewOnce() {
        String page = "/api/tasks?view=CLAIMABLE&size=10";
        get("auditor", page); // warm-up
        long filtered = statementsOf(() -> assertThat(get("auditor", page + "&processKey=" + InboxTestProcesses.BULK)
                .body().get("items")).hasSize(10));
        long unfiltered = statementsOf(() -> {
            Response body = get("auditor", page);
            assertThat(body.body().get("items")).hasSize(10);
            // the view's total is its badge, counted once for both
            assertThat(body.body().get("total").asLong()).isEqualTo(body.body().at("/counts/claimable").asLong())
                    .isGreaterThanOrEqualTo(OPEN_TASKS);
        });
        assertThat(unfiltered).isEqualTo(filtered - 1);
    }

    private static long statementsOf(Runnable call) {
        long before = StatementCounter.count();
        call.run();
        return StatementCounter.count() - before;
    }
}
