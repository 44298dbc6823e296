package org.jiandu.letter;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Suggestion letters over REST: /api/letters. */
@RestController
@RequestMapping("/api/letters")
@Roles({Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN, Role.AGENCY})
class LetterController {

    private final LetterService service;
    private final NewLetters newLetters;
    private final LetterQueries queries;

    LetterController(LetterService service, NewLetters newLetters, LetterQueries queries) {
        this.service = service;
        this.newLetters = newLetters;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Roles({Role.SUPERVISOR, Role.LEAD})
    LetterView create(@Valid @RequestBody NewLetterRequest request, @AuthenticationPrincipal CurrentUser user) {
        LetterRow letter = newLetters.create(user, new LetterContent(request.agencyCode(), request.title(), request.body(),
                request.replyDays(), request.rectificationRequired()), request.source(), request.sourceRef());
        return queries.view(letter.id(), user);
    }

    @GetMapping
    Page<LetterView.Summary> list(@RequestParam(required = false) String agencyCode,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String flag,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                  @AuthenticationPrincipal CurrentUser user) {
        return queries.list(user, agencyCode, status, Flag.requireKnown(flag), page, size);
    }

    @GetMapping("/{id}")
    LetterView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return queries.view(id, user);
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId,
                                    @AuthenticationPrincipal CurrentUser user) {
        return queries.download(id, documentId, user);
    }

    @PostMapping("/{id}/draft")
    @Roles(Role.SUPERVISOR)
    ResponseEntity<LetterView> draft(@PathVariable long id, @Valid @RequestBody LetterContent content, Prefer prefer,
                                     @AuthenticationPrincipal CurrentUser user) {
        service.submitDraft(id, user, content);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/legal-review")
    @Roles(Role.LEGAL_REVIEWER)
    ResponseEntity<LetterView> legalReview(@PathVariable long id, @Valid @RequestBody Decision decision,
                                           Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        service.legalReview(id, user, decision.passed(), decision.reason());
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/sign")
    @Roles(Role.LEAD)
    ResponseEntity<LetterView> sign(@PathVariable long id, @Valid @RequestBody Decision decision, Prefer prefer,
                                    @AuthenticationPrincipal CurrentUser user) {
        service.sign(id, user, decision.passed(), decision.reason());
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/receive")
    @Roles(Role.AGENCY)
    ResponseEntity<LetterView> receive(@PathVariable long id, Prefer prefer,
                                       @AuthenticationPrincipal CurrentUser user) {
        service.receive(id, user);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping(path = "/{id}/reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Roles(Role.AGENCY)
    ResponseEntity<LetterView> reply(@PathVariable long id, @RequestParam("text") String text,
                                     @RequestParam(name = "files", required = false) List<MultipartFile> files,
                                     Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        service.reply(id, user, text, files == null ? List.of() : files);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping(path = "/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Roles(Role.AGENCY)
    ResponseEntity<LetterView> replyText(@PathVariable long id, @Valid @RequestBody ReplyRequest request,
                                         Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        return reply(id, request.text(), null, prefer, user);
    }

    @PostMapping("/{id}/reply-review")
    @Roles(Role.SUPERVISOR)
    ResponseEntity<LetterView> reviewReply(@PathVariable long id, @Valid @RequestBody Decision decision,
                                           Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        service.reviewReply(id, user, decision.passed(), decision.reason());
        return prefer.answer(() -> queries.view(id, user));
    }

    record NewLetterRequest(@NotBlank @Size(max = 32) String agencyCode, @NotBlank String source,
                            @Size(max = 80) String sourceRef, @NotBlank @Size(max = 200) String title,
                            @NotBlank @Size(max = 20000) String body, Integer replyDays, boolean rectificationRequired) {
    }

    /** A yes/no decision with its reason (required when the answer is no). */
    record Decision(@NotNull Boolean passed, @Size(max = 5000) String reason) {
    }

    record ReplyRequest(@NotBlank @Size(max = 20000) String text) {
    }
}
