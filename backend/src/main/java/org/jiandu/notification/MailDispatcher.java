package org.jiandu.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: every {@code jiandu.mail.dispatch-interval} each node claims a batch of due e-mails (one short
 * transaction; a row goes to exactly one node), sends them with no transaction open, and records each outcome. A
 * failed attempt waits {@code jiandu.mail.retry-backoff} × 2^(attempts−1) (at most {@code jiandu.mail.max-backoff})
 * before the next; after {@code jiandu.mail.max-attempts} the e-mail is FAILED, logged, and listed for admins
 * ({@code GET /api/admin/mail-outbox?status=FAILED}), who may send it again.
 *
 * <p>Delivery is at least once: a node that dies between the SMTP server's acceptance and the SENT mark leaves its
 * claim to expire after {@code jiandu.mail.lease}, and another node sends that e-mail again.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final MailOutboxMapper outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Settings settings;

    MailDispatcher(ObjectProvider<JavaMailSender> senders, MailOutboxMapper outbox,
                   PlatformTransactionManager transactionManager, Clock clock, Settings settings) {
        this.senders = senders;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.settings = settings;
    }

    /** How the dispatcher retries; bound from {@code jiandu.mail.*}. */
    record Settings(String from, int batchSize, int maxAttempts, Duration retryBackoff, Duration maxBackoff,
                    Duration lease) {
    }

    @Scheduled(fixedDelayString = "${jiandu.mail.dispatch-interval:PT10S}", initialDelayString = "${jiandu.mail.dispatch-interval:PT10S}")
    void scheduled() {
        if (senders.getIfAvailable() == null) {
            return;
        }
        try {
            dispatch();
        } catch (DataAccessException | TransactionException e) {
            // the database is away: the e-mails wait in the outbox, and the next run tries again
            log.warn("Mail outbox not dispatched this time: {}", e.getMostSpecificCause().getMessage());
        }
    }

    /** Sends what is due now; returns how many e-mails went out. */
    int dispatch() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        String token = UUID.randomUUID().toString();
        LocalDateTime now = now();
        List<OutboxMail> batch = transaction.execute(status -> {
            List<Long> due = outbox.dueIds(now, settings.batchSize());
            if (due.isEmpty()) {
                return List.<OutboxMail>of();
            }
            outbox.claim(due, token, now, now.plus(settings.lease()));
            return outbox.claimed(token);
        });
        int sent = 0;
        for (OutboxMail mail : batch) {
            if (send(sender, mail, token)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(JavaMailSender sender, OutboxMail mail, String token) {
        try {
            sender.send(message(mail));
        } catch (MailException e) {
            int attempts = mail.attempts() + 1;
            String error = shorten(e.getMostSpecificCause().getMessage());
            if (attempts >= settings.maxAttempts()) {
                log.warn("E-mail {} to {} FAILED after {} attempts: {}", mail.id(), mail.recipient(), attempts, error);
                transaction.executeWithoutResult(status -> outbox.markAttemptFailed(mail.id(), token,
                        OutboxMail.Status.FAILED, mail.nextAttemptAt(), error));
            } else {
                LocalDateTime next = now().plus(backoff(attempts));
                log.warn("E-mail {} to {} not sent (attempt {} of {}), next attempt at {}: {}", mail.id(),
                        mail.recipient(), attempts, settings.maxAttempts(), next, error);
                transaction.executeWithoutResult(status -> outbox.markAttemptFailed(mail.id(), token,
                        OutboxMail.Status.PENDING, next, error));
            }
            return false;
        }
        transaction.executeWithoutResult(status -> outbox.markSent(mail.id(), token, now()));
        return true;
    }

    /** The wait after the n-th failed attempt: the back-off doubled n−1 times, capped. */
    Duration backoff(int attempts) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 30));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private SimpleMailMessage message(OutboxMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(mail.toAddress());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        return message;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "unknown error";
        }
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
