package org.jiandu.inbox;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.jiandu.identity.AnyUser;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox and the operations on a task, for every process. */
@RestController
@RequestMapping("/api/tasks")
@AnyUser
class InboxController {

    private final Inbox inbox;
    private final TaskActions actions;
    private final TaskDetails details;
    private final TaskMessages messages;

    InboxController(Inbox inbox, TaskActions actions, TaskDetails details, TaskMessages messages) {
        this.inbox = inbox;
        this.actions = actions;
        this.details = details;
        this.messages = messages;
    }

    /**
     * One view of the inbox ({@code MINE} 我的待办, {@code CLAIMABLE} 待认领, {@code DONE} 已办, {@code CC} 抄送我的),
     * filtered, sorted and paged, with the count of every view.
     */
    @GetMapping
    Inbox.InboxPage list(@AuthenticationPrincipal CurrentUser user,
                         @RequestParam(defaultValue = "MINE") Inbox.View view,
                         @RequestParam(required = false) String processKey,
                         @RequestParam(required = false) String businessKey,
                         @RequestParam(required = false) String agency,
                         @RequestParam(required = false) @Min(0) @Max(365) Integer dueWithinDays,
                         @RequestParam(required = false) TaskRow.Flag flag,
                         @RequestParam(required = false) @Size(max = 100) String text,
                         @RequestParam(defaultValue = "CREATED") InboxFilter.Sort sort,
                         @RequestParam(defaultValue = "desc") String order,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        InboxFilter filter = inbox.resolve(processKey, businessKey, agency, dueWithinDays, flag, text, sort,
                "asc".equalsIgnoreCase(order));
        return inbox.page(user, view, filter, page, size);
    }

    @GetMapping("/counts")
    Inbox.Counts counts(@AuthenticationPrincipal CurrentUser user) {
        return inbox.counts(user);
    }

    /** The task, its comments and the operations on its record; a CC'd reader's copy is marked read. */
    @GetMapping("/{id}")
    TaskDetails.TaskDetail detail(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        TaskDetails.TaskDetail detail = details.detail(user, id);
        details.markCcRead(user, id);
        return detail;
    }

    @PostMapping("/{id}/claim")
    Map<String, String> claim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        actions.claim(user, id);
        return done(id);
    }

    @PostMapping("/{id}/unclaim")
    Map<String, String> unclaim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        actions.unclaim(user, id);
        return done(id);
    }

    @PostMapping("/{id}/complete")
    Map<String, String> complete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                 @RequestBody(required = false) FormSubmission body) {
        actions.complete(user, id, FormSubmission.valuesOf(body));
        return done(id);
    }

    @PostMapping("/{id}/delegate")
    Map<String, String> delegate(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                 @Valid @RequestBody Handover body) {
        actions.delegate(user, id, body.userId(), body.reason().strip());
        return done(id);
    }

    @PostMapping("/{id}/resolve")
    Map<String, String> resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                @RequestBody(required = false) FormSubmission body) {
        actions.resolve(user, id, FormSubmission.valuesOf(body));
        return done(id);
    }

    @PostMapping("/{id}/transfer")
    Map<String, String> transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                 @Valid @RequestBody Handover body) {
        actions.transfer(user, id, body.userId(), body.reason().strip());
        return done(id);
    }

    @PostMapping("/{id}/return")
    Map<String, Object> returnToPrevious(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                         @Valid @RequestBody Reason body) {
        return Map.of("taskId", id, "reopened", actions.returnToPrevious(user, id, body.reason().strip()));
    }

    @PostMapping("/{id}/comments")
    Map<String, String> comment(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                @Valid @RequestBody Message body) {
        actions.comment(user, id, body.message().strip());
        return done(id);
    }

    @PostMapping("/{id}/urge")
    @Roles({Role.SUPERVISOR, Role.LEAD, Role.CLERK, Role.LEGAL_REVIEWER})
    Map<String, String> urge(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                             @Valid @RequestBody(required = false) UrgeRequest body) {
        messages.urge(user, id, body == null ? null : body.message());
        return done(id);
    }

    @PostMapping("/{id}/cc")
    Map<String, Object> cc(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                           @Valid @RequestBody CcRequest body) {
        return Map.of("taskId", id, "added", messages.cc(user, id, body.userIds(), body.message()));
    }

    private static Map<String, String> done(String id) {
        return Map.of("taskId", id, "result", "OK");
    }

    /** The form's fields, by key. */
    record FormSubmission(Map<String, Object> values) {

        /** The fields of a submission, none for an absent body (a step whose form has no fields). */
        static Map<String, Object> valuesOf(FormSubmission body) {
            return body == null || body.values() == null ? Map.of() : body.values();
        }
    }

    record Handover(@NotBlank String userId, @NotBlank @Size(max = 500) String reason) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record Message(@NotBlank @Size(max = 2000) String message) {
    }

    record UrgeRequest(@Size(max = 500) String message) {
    }

    record CcRequest(@NotEmpty @Size(max = 50) List<@NotBlank String> userIds, @Size(max = 500) String message) {
    }
}
