package org.jiandu.complaint;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jiandu.document.DocumentStore;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.Page;
import org.jiandu.web.Prefer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Complaints for staff: registration from other sources, list, detail, task completion, evidence, documents. */
@RestController
@RequestMapping("/api/complaints")
@Validated
class ComplaintController {

    private final ComplaintRegistration registration;
    private final ComplaintQueries queries;
    private final ComplaintTaskService tasks;
    private final DocumentStore documents;

    ComplaintController(ComplaintRegistration registration, ComplaintQueries queries, ComplaintTaskService tasks,
                        DocumentStore documents) {
        this.registration = registration;
        this.queries = queries;
        this.tasks = tasks;
        this.documents = documents;
    }

    /** Registers a complaint; the same 12345 work order again answers 200 with the existing complaint. */
    @PostMapping
    @Roles({Role.CLERK, Role.SUPERVISOR})
    ResponseEntity<ComplaintViews.Registration> register(@Valid @RequestBody StaffComplaintRequest request) {
        ComplaintRegistration.Registered registered = registration.registerByStaff(request);
        return ResponseEntity.status(registered.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new ComplaintViews.Registration(registered.id(), registered.trackingNo(), registered.queryCode(),
                        registered.status(), registered.duplicate()));
    }

    @GetMapping
    @Roles({Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN})
    Page<ComplaintViews.ListItem> list(@RequestParam(required = false) ComplaintStatus status,
                                       @RequestParam(required = false) ComplaintSource source,
                                       @RequestParam(required = false) String agencyCode,
                                       @RequestParam(required = false) String fieldCode,
                                       @RequestParam(required = false) Boolean overdue,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) String sort,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                       @AuthenticationPrincipal CurrentUser user) {
        return queries.list(ComplaintQueries.filter(status, source, agencyCode, fieldCode, overdue, from, to, q), sort,
                page, size, user);
    }

    @GetMapping("/{id}")
    @Roles(value = {Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN},
            notFoundCode = "COMPLAINT_NOT_FOUND", notFoundMessage = "投诉举报不存在。")
    ComplaintViews.Detail detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return queries.detail(id, user);
    }

    /** Completes a task of the complaint with its form's fields, e.g. {"acceptanceDecision":"ACCEPT"}. */
    @PostMapping("/{id}/tasks/{taskId}/complete")
    @Roles({Role.CLERK, Role.SUPERVISOR, Role.LEAD})
    ResponseEntity<ComplaintViews.Detail> complete(@PathVariable long id, @PathVariable String taskId,
                                                   @RequestBody(required = false) Map<String, Object> fields,
                                                   Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        tasks.complete(id, taskId, fields, user);
        return prefer.answer(() -> queries.detail(id, user));
    }

    /** Adds evidence files (parts {@code files}). */
    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Roles({Role.CLERK, Role.SUPERVISOR})
    ResponseEntity<ComplaintViews.Detail> addEvidence(@PathVariable long id,
                                                      @RequestPart("files") List<MultipartFile> files,
                                                      Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        registration.addEvidence(queries.visible(id, user), files);
        return prefer.answer(() -> queries.detail(id, user));
    }

    @GetMapping("/{id}/documents/{documentId}")
    @Roles(value = {Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN},
            notFoundCode = "COMPLAINT_NOT_FOUND", notFoundMessage = "投诉举报不存在。")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId,
                                    @AuthenticationPrincipal CurrentUser user) {
        return documents.download(queries.document(id, documentId, user));
    }
}
