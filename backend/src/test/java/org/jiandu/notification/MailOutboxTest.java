package org.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * E-mail goes through the outbox: written with the action, sent after commit against an in-process SMTP server
 * (GreenMail). A mail server that is down costs neither the action nor the message; retries back off; after the
 * last attempt the message is FAILED and admins see it; two nodes dispatching at once send each message once.
 * The clock moves explicitly (the engine clock), never by waiting.
 */
class MailOutboxTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    NotificationMapper notificationMapper;
    @Autowired
    MailOutboxMapper outbox;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;
    @Autowired
    IdentityService identityService;

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private Notifications notifications;
    private TransactionTemplate transaction;

    @BeforeEach
    void mailServer() {
        // the clock stands still unless a test moves it: back-offs are compared to the second, whatever the load
        ClockUtil.setCurrentTime(new Date());
        sender.setHost("127.0.0.1");
        sender.setDefaultEncoding("UTF-8");
        serverUp();
        notifications = new Notifications(notificationMapper, new MailNotifier(provider(), notificationMapper, outbox, clock),
                clock);
        transaction = new TransactionTemplate(transactionManager);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMailServerThatIsDownCostsNeitherTheActionNorTheMessage() throws Exception {
        String user = userWithAddress();
        serverDown();
        String title = "督办提醒 " + user;
        transaction.executeWithoutResult(status -> notifications.notifyUsers(List.of(user), NotificationKind.INFO, title,
                "请于三日内办理。", "TASK", "t-" + user));

        MailDispatcher dispatcher = dispatcher(5);
        dispatcher.dispatch();
        assertThat(notificationMapper.countForRecipient(user, false)).as("the action stands").isEqualTo(1);
        OutboxMail waiting = mailOf(user);
        assertThat(waiting.status()).isEqualTo(OutboxMail.Status.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(Duration.between(waiting.createdAt(), waiting.nextAttemptAt())).isBetween(Duration.ofSeconds(59),
                Duration.ofSeconds(61));

        serverUp();
        dispatcher.dispatch();
        assertThat(mailOf(user).attempts()).as("not due again before the back-off").isEqualTo(1);
        assertThat(received(user)).isEmpty();

        moveClock(Duration.ofSeconds(61));
        dispatcher.dispatch();
        OutboxMail sent = mailOf(user);
        assertThat(sent.status()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        List<MimeMessage> received = received(user);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("【监督平台】" + title);
        assertThat(received.get(0).getContent().toString()).contains("请于三日内办理。", "TASK t-" + user);

        moveClock(Duration.ofHours(1));
        dispatcher.dispatch();
        assertThat(received(user)).as("sent once").hasSize(1);
    }

    @Test
    void aRolledBackActionLeavesNoMail() {
        String user = userWithAddress();
        transaction.executeWithoutResult(status -> {
            notifications.notifyUsers(List.of(user), NotificationKind.INFO, "不会发出", null, null, null);
            status.setRollbackOnly();
        });
        assertThat(outbox.findByStatus(OutboxMail.Status.PENDING, 0, 100000)).noneMatch(mail -> mail.recipient().equals(user));
    }

    @Test
    void afterTheLastAttemptTheMailIsFailedAndAnAdminSeesAndResendsIt() throws Exception {
        String user = userWithAddress();
        serverDown();
        transaction.executeWithoutResult(status -> notifications.notifyUsers(List.of(user), NotificationKind.INFO,
                "退回通知 " + user, null, null, null));
        MailDispatcher dispatcher = dispatcher(3);
        dispatcher.dispatch();
        moveClock(Duration.ofMinutes(1).plusSeconds(1));
        dispatcher.dispatch();
        moveClock(Duration.ofMinutes(2).plusSeconds(1));
        dispatcher.dispatch();
        OutboxMail failed = mailOf(user);
        assertThat(failed.status()).isEqualTo(OutboxMail.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        moveClock(Duration.ofDays(1));
        dispatcher.dispatch();
        assertThat(mailOf(user).attempts()).as("a failed mail is not tried again by itself").isEqualTo(3);

        Response list = get("admin", "/api/admin/mail-outbox?status=FAILED&size=100");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items").findValuesAsText("recipient")).contains(user);
        assertThat(get("lead", "/api/admin/mail-outbox").status()).isEqualTo(403);
        assertThat(get("admin", "/api/admin/mail-outbox?status=LOST").contentType()).isEqualTo("application/problem+json");

        Response retried = post("admin", "/api/admin/mail-outbox/" + failed.id() + "/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.body().get("status").asText()).isEqualTo("PENDING");
        Response again = post("admin", "/api/admin/mail-outbox/" + failed.id() + "/retry", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("MAIL_NOT_FAILED");

        serverUp();
        dispatcher.dispatch();
        assertThat(mailOf(user).status()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(received(user)).hasSize(1);
    }

    @Test
    void twoNodesDispatchingAtOnceSendEveryMailOnce() throws Exception {
        String user = userWithAddress();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 30; i++) {
                notifications.notifyUsers(List.of(user), NotificationKind.INFO, "消息 " + i, null, null, null);
            }
        });
        MailDispatcher nodeA = dispatcher(5);
        MailDispatcher nodeB = dispatcher(5);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (MailDispatcher node : List.of(nodeA, nodeB)) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return node.dispatch();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(received(user)).hasSize(30);
        assertThat(outbox.findByStatus(OutboxMail.Status.SENT, 0, 100000).stream()
                .filter(mail -> mail.recipient().equals(user))).hasSize(30);
    }

    private MailDispatcher dispatcher(int maxAttempts) {
        return new MailDispatcher(provider(), outbox, transactionManager, clock, new MailDispatcher.Settings(
                "jiandu@jiandu.example", 50, maxAttempts, Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofMinutes(10)));
    }

    @SuppressWarnings("unchecked")
    private ObjectProvider<JavaMailSender> provider() {
        ObjectProvider<JavaMailSender> provider = org.mockito.Mockito.mock(ObjectProvider.class);
        org.mockito.Mockito.when(provider.getIfAvailable()).thenReturn(sender);
        return provider;
    }

    private void serverUp() {
        sender.setPort(smtp.getSmtp().getPort());
    }

    /** The configured address answers no more: a port nobody listens on. */
    private void serverDown() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            sender.setPort(socket.getLocalPort());
        }
    }

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }

    private String userWithAddress() {
        String id = "mail-" + Long.toString(System.nanoTime(), 36);
        User user = identityService.newUser(id);
        user.setFirstName("邮件测试");
        user.setLastName("");
        user.setEmail(id + "@jiandu.example");
        user.setPassword("a-password-of-some-length");
        identityService.saveUser(user);
        return id;
    }

    private OutboxMail mailOf(String user) {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM mail_outbox WHERE recipient = ?", Long.class, user);
        return outbox.find(id);
    }

    private static List<MimeMessage> received(String user) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && to[0].toString().equals(user + "@jiandu.example");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
