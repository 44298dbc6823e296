package org.jiandu.trace;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.jiandu.audit.AuditEntry;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors and admins: the chain check and a record's rows. */
@Tag(name = "审计")
@RestController
@RequestMapping("/api/audit")
@Roles({Role.AUDITOR, Role.ADMIN})
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Walks the hash chain; reports the first row that was changed, deleted or inserted behind our back. */
    @GetMapping("/verify")
    AuditLog.ChainVerification verify() {
        return auditLog.verify();
    }

    /**
     * The audit rows of one record, in chain order: {@code ?recordNo=TS-2026-000123}, optionally narrowed
     * to one record type ({@code &recordType=COMPLAINT}).
     */
    @GetMapping
    List<AuditEntry> ofRecord(@RequestParam(required = false) String recordType, @RequestParam String recordNo) {
        if (recordType == null || recordType.isBlank()) {
            return auditLog.ofRecordNumbers(List.of(recordNo));
        }
        return auditLog.ofRecord(recordType, recordNo);
    }
}
