package org.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** E-mail notifications against an in-process SMTP server (GreenMail). */
class MailNotifierTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final NotificationMapper mapper = mock(NotificationMapper.class);

    @BeforeEach
    void addresses() {
        when(mapper.emailsOf(any())).thenReturn(List.of(new NotificationMapper.Address("lead", "lead@jiandu.example"),
                new NotificationMapper.Address("clerk", null)));
    }

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void sendsToRecipientsWithAnAddress() throws Exception {
        notifier(sender()).send(List.of(notification("lead"), notification("clerk")));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("lead@jiandu.example");
        assertThat(received[0].getSubject()).isEqualTo("【监督平台】催办：审核");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("请尽快办理", "TASK t-1");
    }

    @Test
    void waitsForTheCommitOfTheAction() {
        TransactionSynchronizationManager.initSynchronization();
        notifier(sender()).send(List.of(notification("lead")));
        assertThat(smtp.getReceivedMessages()).isEmpty();

        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        synchronizations.forEach(TransactionSynchronization::afterCommit);
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    }

    @Test
    void sendsNothingWithoutAConfiguredServer() {
        MailNotifier notifier = notifier(null);
        notifier.send(List.of(notification("lead")));
        assertThat(notifier.enabled()).isFalse();
        verifyNoInteractions(mapper);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private MailNotifier notifier(JavaMailSender sender) {
        @SuppressWarnings("unchecked")
        ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(sender);
        return new MailNotifier(provider, mapper, "jiandu@jiandu.example");
    }

    private static JavaMailSender sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    private static Notification notification(String recipient) {
        return new Notification(0, recipient, NotificationKind.URGE, "催办：审核", "陈刚（科长）催办：请尽快办理。", "TASK", "t-1",
                LocalDateTime.of(2026, 11, 20, 10, 0), null);
    }
}
