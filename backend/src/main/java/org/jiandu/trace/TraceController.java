package org.jiandu.trace;

import java.util.List;

import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.FileDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A record's full trace: timeline, diagrams with the path taken, and the export an auditor files. */
@RestController
@RequestMapping("/api/trace")
@Roles({Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.AGENCY, Role.DISCIPLINE})
class TraceController {

    private final TraceService traces;

    TraceController(TraceService traces) {
        this.traces = traces;
    }

    @GetMapping("/{businessKey}")
    TraceService.Trace trace(@PathVariable String businessKey, @AuthenticationPrincipal CurrentUser user) {
        return traces.trace(businessKey, user);
    }

    /** The trace as a .docx to file; the download is recorded in the audit log with the file's SHA-256. */
    @GetMapping("/{businessKey}/export")
    ResponseEntity<byte[]> export(@PathVariable String businessKey, @AuthenticationPrincipal CurrentUser user) {
        TraceService.ExportedTrace exported = traces.export(businessKey, user);
        return FileDownload.of(exported.content(), FileDownload.DOCX, exported.fileName(), exported.sha256());
    }

    @GetMapping("/{businessKey}/diagram")
    List<TraceService.TraceDiagram> diagram(@PathVariable String businessKey,
                                            @AuthenticationPrincipal CurrentUser user) {
        return traces.diagrams(businessKey, user);
    }
}
