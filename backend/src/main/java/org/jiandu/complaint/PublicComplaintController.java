package org.jiandu.complaint;

import java.util.List;

import jakarta.validation.Valid;

import org.jiandu.document.DocumentStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public side of complaints (no login): the form's reference lists, submitting a complaint with
 * evidence, and following it with the tracking number and query code. Rate-limited per client address ({@link PublicRateLimits}).
 */
@RestController
@RequestMapping("/api/public")
class PublicComplaintController {

    private final ComplaintRegistration registration;
    private final ComplaintQueries queries;
    private final ComplaintMapper complaints;
    private final DocumentStore documents;

    PublicComplaintController(ComplaintRegistration registration, ComplaintQueries queries, ComplaintMapper complaints,
                              DocumentStore documents) {
        this.registration = registration;
        this.queries = queries;
        this.complaints = complaints;
        this.documents = documents;
    }

    /** The enforcement fields (执法领域) the form offers. */
    @GetMapping("/fields")
    List<ComplaintMapper.Field> fields() {
        return complaints.fields();
    }

    /** The agencies a complaint can be about: code and name of the enabled agencies. */
    @GetMapping("/agencies")
    List<ComplaintMapper.Agency> agencies() {
        return complaints.agencies();
    }

    /** A complaint with up to 5 evidence files: part {@code complaint} (JSON) and parts {@code files}. */
    @PostMapping(path = "/complaints", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ComplaintViews.IntakeAnswer submitWithFiles(@Valid @RequestPart("complaint") ComplaintForm form,
                                                @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        return answer(registration.registerPublic(form, files));
    }

    /** A complaint without files, as JSON. */
    @PostMapping(path = "/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ComplaintViews.IntakeAnswer submit(@Valid @RequestBody ComplaintForm form) {
        return answer(registration.registerPublic(form, List.of()));
    }

    @GetMapping("/complaints/{trackingNo}")
    ComplaintViews.PublicStatus track(@PathVariable String trackingNo,
                                      @RequestParam(required = false) String queryCode) {
        return queries.track(trackingNo, queryCode);
    }

    /** The written reply (答复意见书, .docx) once it is sent. */
    @GetMapping("/complaints/{trackingNo}/reply")
    ResponseEntity<byte[]> reply(@PathVariable String trackingNo,
                                 @RequestParam(required = false) String queryCode) {
        return documents.download(queries.publicReply(trackingNo, queryCode));
    }

    private static ComplaintViews.IntakeAnswer answer(ComplaintRegistration.Registered registered) {
        return new ComplaintViews.IntakeAnswer(registered.trackingNo(), registered.queryCode(), registered.status(),
                registered.status().label(), registered.registeredAt(),
                "投诉举报已收到。请妥善保存受理编号和查询码，凭此查询办理进度和答复。");
    }
}
