package org.jiandu.notification;

import java.time.Clock;
import java.time.LocalDateTime;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jiandu.audit.AuditLog;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.ApiException;
import org.jiandu.web.Page;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The e-mail outbox for admins: what failed for good (or waits), and sending a failed e-mail again. */
@RestController
@RequestMapping("/api/admin/mail-outbox")
@Roles(Role.ADMIN)
class MailOutboxController {

    private final MailOutboxMapper outbox;
    private final Clock clock;
    private final AuditLog auditLog;

    MailOutboxController(MailOutboxMapper outbox, Clock clock, AuditLog auditLog) {
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<OutboxMail> list(@RequestParam(defaultValue = "FAILED") OutboxMail.Status status,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new Page<>(outbox.findByStatus(status, Page.offset(page, size), size), outbox.countByStatus(status),
                page, size);
    }

    @PostMapping("/{id}/retry")
    @Transactional
    OutboxMail retry(@PathVariable long id) {
        if (outbox.retry(id, LocalDateTime.now(clock).withNano(0)) == 0) {
            if (outbox.find(id) == null) {
                throw ApiException.notFound("MAIL_NOT_FOUND", "邮件不存在。");
            }
            throw ApiException.conflict("MAIL_NOT_FAILED", "只有发送失败的邮件可以重新发送。");
        }
        auditLog.record("MAIL", String.valueOf(id), "MAIL_RETRIED", Map.of("status", AuditLog.change("FAILED", "PENDING")));
        return outbox.find(id);
    }
}
