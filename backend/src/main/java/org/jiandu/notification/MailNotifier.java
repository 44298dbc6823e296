package org.jiandu.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends each notification also as an e-mail to recipients with an address, when an SMTP server is
 * configured ({@code spring.mail.host}; off by default). Mail goes out after the action's transaction
 * commits, so a rolled-back action sends nothing; a mail server that fails is logged and never undoes
 * the action.
 */
@Component
class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final NotificationMapper mapper;
    private final String from;

    MailNotifier(ObjectProvider<JavaMailSender> senders, NotificationMapper mapper,
                 @Value("${jiandu.notification.mail-from:jiandu@localhost}") String from) {
        this.senders = senders;
        this.mapper = mapper;
        this.from = from;
    }

    boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    void send(List<Notification> notifications) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null || notifications.isEmpty()) {
            return;
        }
        Collection<String> recipients = notifications.stream().map(Notification::recipient).distinct().toList();
        Map<String, String> addresses = mapper.emailsOf(recipients).stream()
                .filter(address -> address.email() != null && !address.email().isBlank())
                .collect(Collectors.toMap(NotificationMapper.Address::userId, NotificationMapper.Address::email,
                        (a, b) -> a));
        List<SimpleMailMessage> messages = notifications.stream()
                .filter(notification -> addresses.containsKey(notification.recipient()))
                .map(notification -> message(addresses.get(notification.recipient()), notification))
                .toList();
        if (messages.isEmpty()) {
            return;
        }
        Runnable delivery = () -> deliver(sender, messages);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.run();
                }
            });
        } else {
            delivery.run();
        }
    }

    private SimpleMailMessage message(String to, Notification notification) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("【监督平台】" + notification.title());
        StringBuilder text = new StringBuilder();
        if (notification.body() != null) {
            text.append(notification.body()).append("\n\n");
        }
        if (notification.recordNo() != null) {
            text.append("相关记录：").append(notification.recordType()).append(' ').append(notification.recordNo()).append('\n');
        }
        text.append("请登录行政执法监督平台查看和办理。");
        message.setText(text.toString());
        return message;
    }

    private static void deliver(JavaMailSender sender, List<SimpleMailMessage> messages) {
        try {
            sender.send(messages.toArray(SimpleMailMessage[]::new));
        } catch (MailException e) {
            log.warn("Could not send {} notification e-mail(s): {}", messages.size(), e.getMessage());
        }
    }
}
