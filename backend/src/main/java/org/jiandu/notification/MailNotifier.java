package org.jiandu.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes each notification also as an e-mail to recipients with an address, when an SMTP server is configured
 * ({@code spring.mail.host}; off by default). The e-mail goes into the outbox ({@code mail_outbox}) in the action's
 * own transaction, so it exists exactly when the action does; {@link MailDispatcher} sends it after the commit, and
 * keeps trying while the mail server is away.
 */
@Component
class MailNotifier {

    private final ObjectProvider<JavaMailSender> senders;
    private final NotificationMapper mapper;
    private final MailOutboxMapper outbox;
    private final Clock clock;

    MailNotifier(ObjectProvider<JavaMailSender> senders, NotificationMapper mapper, MailOutboxMapper outbox, Clock clock) {
        this.senders = senders;
        this.mapper = mapper;
        this.outbox = outbox;
        this.clock = clock;
    }

    boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    /** Queues the e-mails of these notifications; the caller's transaction decides whether they are ever sent. */
    void send(List<Notification> notifications) {
        if (!enabled() || notifications.isEmpty()) {
            return;
        }
        Collection<String> recipients = notifications.stream().map(Notification::recipient).distinct().toList();
        Map<String, String> addresses = mapper.emailsOf(recipients).stream()
                .filter(address -> address.email() != null && !address.email().isBlank())
                .collect(Collectors.toMap(NotificationMapper.Address::userId, NotificationMapper.Address::email,
                        (a, b) -> a));
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        List<OutboxMail> mails = notifications.stream()
                .filter(notification -> addresses.containsKey(notification.recipient()))
                .map(notification -> OutboxMail.pending(notification.recipient(), addresses.get(notification.recipient()),
                        "【监督平台】" + notification.title(), text(notification), now))
                .toList();
        if (!mails.isEmpty()) {
            outbox.insertAll(mails);
        }
    }

    private static String text(Notification notification) {
        StringBuilder text = new StringBuilder();
        if (notification.body() != null) {
            text.append(notification.body()).append("\n\n");
        }
        if (notification.recordNo() != null) {
            text.append("相关记录：").append(notification.recordType()).append(' ').append(notification.recordNo()).append('\n');
        }
        text.append("请登录行政执法监督平台查看和办理。");
        return text.toString();
    }
}
