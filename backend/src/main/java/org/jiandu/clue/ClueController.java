package org.jiandu.clue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiandu.document.StoredDocument;
import org.jiandu.identity.CurrentUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.Page;
import org.jiandu.web.Prefer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Clue transfers (问题线索移送). Only the roles that can have need to know reach this controller; everyone
 * else gets a 404, as if clues did not exist. Which clue a caller may see or act on depends on the clue
 * (checked in {@link ClueService}, {@link ClueProposals} and {@link ClueQueries}, again with a 404 for a clue the caller may not know of).
 */
@RestController
@RequestMapping("/api/clues")
@Validated
@Roles(value = {Role.SUPERVISOR, Role.LEAD, Role.LEGAL_REVIEWER, Role.AUDITOR, Role.DISCIPLINE},
        notFoundCode = "CLUE_NOT_FOUND", notFoundMessage = "问题线索不存在。")
class ClueController {

    private final ClueService clues;
    private final ClueProposals proposals;
    private final ClueQueries queries;

    ClueController(ClueService clues, ClueProposals proposals, ClueQueries queries) {
        this.clues = clues;
        this.proposals = proposals;
        this.queries = queries;
    }

    @GetMapping
    Page<ClueViews.ClueSummary> list(@RequestParam(required = false) ClueStatus status,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                     @AuthenticationPrincipal CurrentUser user) {
        return queries.list(status, page, size, user);
    }

    @GetMapping("/counts")
    ClueViews.ClueCounts counts(@AuthenticationPrincipal CurrentUser user) {
        return queries.counts(user);
    }

    /** The clues that come from or rest on a record, as far as the caller may know of them. */
    @GetMapping("/linked")
    List<ClueViews.ClueSummary> linked(@RequestParam ClueSource sourceType, @RequestParam String sourceNo,
                                       @AuthenticationPrincipal CurrentUser user) {
        ClueAccess.requireScope(user);
        return queries.linkedClues(sourceType, sourceNo, user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Roles({Role.SUPERVISOR, Role.LEAD})
    ClueViews.ClueView propose(@Valid @RequestBody ClueProposal proposal, @AuthenticationPrincipal CurrentUser user) {
        return queries.view(proposals.propose(proposal, user).id(), user);
    }

    @GetMapping("/{id}")
    ClueViews.ClueView view(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return queries.view(id, user);
    }

    @PutMapping("/{id}")
    @Roles({Role.SUPERVISOR, Role.LEAD})
    ResponseEntity<ClueViews.ClueView> revise(@PathVariable long id, @Valid @RequestBody ClueProposal proposal,
                                              Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        proposals.revise(id, proposal, user);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/legal-review")
    @Roles(Role.LEGAL_REVIEWER)
    ResponseEntity<ClueViews.ClueView> legalReview(@PathVariable long id, @Valid @RequestBody LegalReview request,
                                                   Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        clues.legalReview(id, request.passed(), request.opinion(), user);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/revision")
    @Roles({Role.SUPERVISOR, Role.LEAD})
    ResponseEntity<ClueViews.ClueView> revision(@PathVariable long id, @Valid @RequestBody Revision request,
                                                Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        clues.revision(id, request.resubmit(), request.note(), user);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/collective-decision")
    @Roles(Role.LEAD)
    ResponseEntity<ClueViews.ClueView> collectiveDecision(@PathVariable long id, @Valid @RequestBody CollectiveDecision request,
                                                          Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        clues.collectiveDecision(id, request.agreed(), request.minutes(), user);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/approval")
    @Roles(Role.LEAD)
    ResponseEntity<ClueViews.ClueView> approval(@PathVariable long id, @Valid @RequestBody Approval request,
                                                Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        clues.approval(id, request.approved(), request.opinion(), user);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/receipt")
    @Roles(Role.DISCIPLINE)
    ResponseEntity<ClueViews.ClueView> receipt(@PathVariable long id, @Valid @RequestBody(required = false) Receipt request,
                                               Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        clues.acknowledge(id, request == null ? null : request.note(), user);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping("/{id}/outcome")
    @Roles({Role.DISCIPLINE, Role.SUPERVISOR, Role.LEAD})
    ResponseEntity<ClueViews.ClueView> outcome(@PathVariable long id, @Valid @RequestBody Outcome request,
                                               Prefer prefer, @AuthenticationPrincipal CurrentUser user) {
        clues.recordOutcome(id, request.kind(), request.text(), user);
        return prefer.answer(() -> queries.view(id, user));
    }

    @PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Roles({Role.SUPERVISOR, Role.LEAD, Role.DISCIPLINE})
    StoredDocument upload(@PathVariable long id, @RequestParam(defaultValue = "EVIDENCE") ClueService.FileKind kind,
                          @RequestPart("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user) {
        return clues.upload(id, kind, file, user);
    }

    @GetMapping("/{id}/documents")
    List<StoredDocument> documents(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return queries.documents(id, user);
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId,
                                    @AuthenticationPrincipal CurrentUser user) {
        return queries.download(id, documentId, user);
    }

    record LegalReview(@NotNull(message = "请选择审核意见") Boolean passed,
                       @NotBlank(message = "请填写法制审核意见") @Size(max = 5000) String opinion) {
    }

    record Revision(@NotNull(message = "请选择重新提交或撤回") Boolean resubmit,
                    @NotBlank(message = "请填写修改说明或撤回理由") @Size(max = 5000) String note) {
    }

    record CollectiveDecision(@NotNull(message = "请选择集体研究结论") Boolean agreed,
                              @NotBlank(message = "请填写会议纪要") @Size(max = 20000) String minutes) {
    }

    record Approval(@NotNull(message = "请选择审批意见") Boolean approved,
                    @NotBlank(message = "请填写审批意见说明") @Size(max = 5000) String opinion) {
    }

    record Receipt(@Size(max = 2000) String note) {
    }

    record Outcome(@NotNull(message = "请选择处理结果") ClueOutcome kind,
                   @NotBlank(message = "请填写处理情况说明") @Size(max = 20000) String text) {
    }
}
