package org.jiandu.trace;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.jiandu.audit.AuditEntry;
import org.jiandu.audit.AuditLog;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    /**
     * Walks the hash chain; reports the first row that was changed, deleted or inserted behind our back, and the
     * rows not yet sealed into the chain (how many, how long the oldest has waited). {@code ?from=checkpoint}
     * walks only what was sealed since the last intact walk.
     */
    @GetMapping("/verify")
    AuditLog.ChainVerification verify(@RequestParam(required = false) String from) {
        if (from == null || from.isBlank()) {
            return auditLog.verify();
        }
        if (!"checkpoint".equals(from)) {
            throw ApiException.badRequest("INVALID_VERIFY_FROM", "from 只能是 checkpoint（自上次校验的检查点起校验）。");
        }
        return auditLog.verifyFromCheckpoint();
    }

    /**
     * The RFC 6962 inclusion proof of one row in its sealed batch; 409 while the row waits for the sealer.
     */
    @GetMapping("/{id}/proof")
    AuditLog.InclusionProof proof(@PathVariable long id) {
        return auditLog.proof(id).orElseThrow(() -> ApiException.conflict("AUDIT_ROW_NOT_SEALED",
                "该审计记录尚未封存进审计链，请稍后再取包含证明。"));
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
