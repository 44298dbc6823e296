package org.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class NotificationApiTest extends IntegrationTest {

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void groupMembersAreToldAndCanMarkRead() {
        long before = get("agency-hbj", "/api/notifications/unread-count").body().get("unread").asLong();
        String recordNo = "N-" + System.nanoTime();
        transactions.executeWithoutResult(status -> notifications.notifyGroup("org-HBJ", NotificationKind.REMINDER,
                "催办：请按期回复", "监督建议书回复期限将至。", "LETTER", recordNo));

        assertThat(get("agency-hbj", "/api/notifications/unread-count").body().get("unread").asLong()).isEqualTo(before + 1);
        assertThat(get("agency-scj", "/api/notifications?unread=true").body().get("items").findValuesAsText("recordNo"))
                .doesNotContain(recordNo);
        Response mine = get("agency-hbj", "/api/notifications?unread=true");
        long id = mine.body().get("items").get(0).get("id").asLong();
        assertThat(mine.body().get("items").get(0).get("recordNo").asText()).isEqualTo(recordNo);

        assertThat(post("agency-scj", "/api/notifications/" + id + "/read", null).status()).isEqualTo(404);
        assertThat(post("agency-hbj", "/api/notifications/" + id + "/read", null).status()).isEqualTo(200);
        assertThat(get("agency-hbj", "/api/notifications/unread-count").body().get("unread").asLong()).isEqualTo(before);
        assertThat(notifications.membersOfGroup("org-HBJ")).isEqualTo(List.of("agency-hbj"));
    }
}
