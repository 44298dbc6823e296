package org.jiandu.rectification;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiandu.escalation.Flag;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.Page;
import org.jiandu.web.Prefer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rectifications over REST: /api/rectifications. */
@RestController
@RequestMapping("/api/rectifications")
@Roles({Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN, Role.AGENCY})
class RectificationController {

    private final RectificationService service;
    private final RectificationQueries queries;

    RectificationController(RectificationService service, RectificationQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @GetMapping
    Page<RectificationView.Summary> list(@RequestParam(required = false) String agencyCode,
                                         @RequestParam(required = false) Long letterId,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String flag,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size,
                                         @AuthenticationPrincipal CurrentUser user) {
        return queries.list(user, agencyCode, letterId, status, Flag.requireKnown(flag), page, size);
    }

    @GetMapping("/{id}")
    RectificationView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return queries.view(id, user);
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId,
                                    @AuthenticationPrincipal CurrentUser user) {
        return queries.download(id, documentId, user);
    }

    @PostMapping("/{id}/plan")
    @Roles(Role.AGENCY)
    ResponseEntity<RectificationView> plan(@PathVariable long id, @Valid @RequestBody PlanRequest plan,
                                           Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        service.submitPlan(id, user, plan);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/progress")
    @Roles(Role.AGENCY)
    ResponseEntity<RectificationView> progress(@PathVariable long id, @Valid @RequestBody TextRequest request,
                                               Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        service.reportProgress(id, user, request.text());
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Roles(Role.AGENCY)
    ResponseEntity<RectificationView> completion(@PathVariable long id, @RequestParam("text") String text,
                                                 @RequestParam(name = "files", required = false)
                                                 List<MultipartFile> files, Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        service.submitCompletion(id, user, text, files == null ? List.of() : files);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Roles(Role.AGENCY)
    ResponseEntity<RectificationView> completionText(@PathVariable long id, @Valid @RequestBody TextRequest request,
                                                     Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        return completion(id, request.text(), null, prefer, user);
    }

    @PostMapping("/{id}/verification")
    @Roles(Role.SUPERVISOR)
    ResponseEntity<RectificationView> verify(@PathVariable long id, @Valid @RequestBody Verification verification,
                                             Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        service.verify(id, user, verification.passed(), verification.onsiteCheck(), verification.reason());
        return prefer.answer(() -> queries.view(id, user));
    }

    record TextRequest(@NotBlank @Size(max = 20000) String text) {
    }

    record Verification(@NotNull Boolean passed, boolean onsiteCheck, @NotBlank @Size(max = 5000) String reason) {
    }
}
