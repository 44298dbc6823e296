package org.jiandu.trace;

import java.util.List;

import org.jiandu.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A record's full trace: timeline, diagrams with the path taken, and the export an auditor files. */
@RestController
@RequestMapping("/api/trace")
@PreAuthorize("hasAnyAuthority('clerk','supervisor','lead','legal-reviewer','auditor','agency','discipline')")
class TraceController {

    private final TraceService traces;

    TraceController(TraceService traces) {
        this.traces = traces;
    }

    @GetMapping("/{businessKey}")
    TraceService.Trace trace(@PathVariable String businessKey, @AuthenticationPrincipal CurrentUser user) {
        return traces.trace(businessKey, user);
    }

    @GetMapping("/{businessKey}/diagram")
    List<TraceService.TraceDiagram> diagram(@PathVariable String businessKey,
                                            @AuthenticationPrincipal CurrentUser user) {
        return traces.diagrams(businessKey, user);
    }
}
