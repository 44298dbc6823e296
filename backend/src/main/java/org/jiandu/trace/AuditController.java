package org.jiandu.trace;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyAuthority('auditor','admin')")
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

    @GetMapping
    List<AuditEntry> ofRecord(@RequestParam String recordType, @RequestParam String recordNo) {
        return auditLog.ofRecord(recordType, recordNo);
    }
}
