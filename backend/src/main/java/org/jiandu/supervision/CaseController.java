package org.jiandu.supervision;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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

/** Supervision cases over REST: /api/cases. */
@RestController
@RequestMapping("/api/cases")
@Roles({Role.CLERK, Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.ADMIN, Role.AGENCY})
class CaseController {

    private final SupervisionCaseService service;
    private final NewCases newCases;
    private final CaseInvestigation investigation;
    private final CaseDeliberation deliberation;
    private final CaseQueries queries;

    CaseController(SupervisionCaseService service, NewCases newCases, CaseInvestigation investigation,
                   CaseDeliberation deliberation, CaseQueries queries) {
        this.service = service;
        this.newCases = newCases;
        this.investigation = investigation;
        this.deliberation = deliberation;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Roles({Role.SUPERVISOR, Role.LEAD})
    CaseView open(@Valid @RequestBody OpenCaseRequest request, @AuthenticationPrincipal CurrentUser user) {
        return queries.view(newCases.open(user, request).id(), user);
    }

    @GetMapping
    Page<CaseRow> list(@RequestParam(required = false) String agencyCode, @RequestParam(required = false) String sourceType,
                       @RequestParam(required = false) String sourceRef, @RequestParam(required = false) String status,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                       @AuthenticationPrincipal CurrentUser user) {
        return queries.list(user, agencyCode, sourceType, sourceRef, status, page, size);
    }

    @GetMapping("/{id}")
    CaseView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return queries.view(id, user);
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId,
                                    @AuthenticationPrincipal CurrentUser user) {
        return queries.download(id, documentId, user);
    }

    @PostMapping("/{id}/filing")
    @Roles(Role.LEAD)
    ResponseEntity<CaseView> filing(@PathVariable long id, @Valid @RequestBody Approval approval, Prefer prefer,
                                    @AuthenticationPrincipal CurrentUser user) {
        service.approveFiling(id, user, approval.approved(), approval.reason());
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping(path = "/{id}/records", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Roles(Role.SUPERVISOR)
    CaseRecord record(@PathVariable long id, @RequestParam("kind") String kind, @RequestParam("content") String content,
                      @RequestParam(name = "file", required = false) MultipartFile file,
                      @AuthenticationPrincipal CurrentUser user) {
        return investigation.addRecord(id, user, kind, content, file);
    }

    @PostMapping(path = "/{id}/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Roles(Role.SUPERVISOR)
    CaseRecord recordText(@PathVariable long id, @Valid @RequestBody RecordRequest request,
                          @AuthenticationPrincipal CurrentUser user) {
        return record(id, request.kind(), request.content(), null, user);
    }

    @PostMapping("/{id}/investigation/finish")
    @Roles(Role.SUPERVISOR)
    ResponseEntity<CaseView> finishInvestigation(@PathVariable long id, @Valid @RequestBody Participants request,
                                                 Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        investigation.finishInvestigation(id, user, request.participants());
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/deliberation/participants")
    @Roles({Role.SUPERVISOR, Role.LEAD})
    ResponseEntity<CaseView> addParticipant(@PathVariable long id, @Valid @RequestBody NewParticipant request,
                                            Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        deliberation.addParticipant(id, user, request.userId());
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/deliberation/opinion")
    @Roles({Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER})
    ResponseEntity<CaseView> opinion(@PathVariable long id, @Valid @RequestBody OpinionRequest request,
                                     Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        deliberation.giveOpinion(id, user, request.opinion());
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/decision")
    @Roles(Role.SUPERVISOR)
    ResponseEntity<CaseView> decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
                                    Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        service.decide(id, user, request);
        return prefer.answer(() -> queries.view(id, user));
    }

    record Approval(@NotNull Boolean approved, @Size(max = 5000) String reason) {
    }

    record RecordRequest(@NotBlank String kind, @NotBlank @Size(max = 20000) String content) {
    }

    record Participants(@NotEmpty @Size(max = 30) List<@NotBlank String> participants) {
    }

    record NewParticipant(@NotBlank String userId) {
    }

    record OpinionRequest(@NotBlank @Size(max = 20000) String opinion) {
    }
}
