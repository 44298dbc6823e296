package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.document.DocType;
import org.jiandu.document.DocumentStore;
import org.jiandu.identity.Actor;
import org.jiandu.sequence.Sequences;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.jiandu.workflow.RecordOpening;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Registers complaints: from the public form (no login) or by a clerk from other sources. The input is checked
 * first; then the tracking number is drawn in a short transaction of its own (a registration that fails after
 * it leaves a gap, which a tracking number may have: see {@link Sequences#nextAllowingGaps}); then one
 * transaction writes the complaint row, the evidence, the started process and the audit row. The same 12345
 * work order registered twice gives the existing complaint.
 */
@Service
class ComplaintRegistration {

    static final int MAX_FILES = 5;
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ComplaintMapper complaints;
    private final Sequences sequences;
    private final RecordOpening opening;
    private final DocumentStore documents;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final long maxFileBytes;

    ComplaintRegistration(ComplaintMapper complaints, Sequences sequences, RecordOpening opening,
                          DocumentStore documents, AuditLog auditLog, Clock clock, PlatformTransactionManager transactions,
                          @Value("${jiandu.complaint.max-file-size:10MB}") DataSize maxFileSize) {
        this.complaints = complaints;
        this.sequences = sequences;
        this.opening = opening;
        this.documents = documents;
        this.auditLog = auditLog;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.maxFileBytes = maxFileSize.toBytes();
    }

    /** A registered complaint; the query code is shown once, at registration (null for a 12345 duplicate). */
    record Registered(long id, String trackingNo, String queryCode, ComplaintStatus status, LocalDateTime registeredAt,
                      boolean duplicate) {
    }

    Registered registerPublic(ComplaintForm form, List<MultipartFile> files) {
        List<MultipartFile> evidence = chosen(files);
        checkFiles(evidence);
        return register(ComplaintSource.WEB, null, null, form, evidence);
    }

    Registered registerByStaff(StaffComplaintRequest request) {
        if (request.source() == ComplaintSource.WEB) {
            throw ApiException.badRequest("SOURCE_NOT_ALLOWED", "网上投诉由投诉人通过公开页面提交，登记时请选择其他来源。");
        }
        String orderNo = blankToNull(request.hotlineOrderNo());
        if (request.source() == ComplaintSource.HOTLINE_12345) {
            if (orderNo == null) {
                throw ApiException.badRequest("HOTLINE_ORDER_REQUIRED", "12345 热线转办须填写工单编号。");
            }
            var existing = complaints.findByHotlineOrder(orderNo);
            if (existing.isPresent()) {
                Complaint complaint = existing.get();
                return new Registered(complaint.id(), complaint.trackingNo(), null, complaint.status(),
                        complaint.registeredAt(), true);
            }
        } else {
            orderNo = null;
        }
        return register(request.source(), orderNo, blankToNull(request.referralNo()), request.form(), List.of());
    }

    /** Adds evidence to a registered complaint (a clerk scanning a letter's enclosures, a supervisor's findings). */
    @Transactional
    void addEvidence(Complaint complaint, List<MultipartFile> files) {
        List<MultipartFile> evidence = chosen(files);
        if (evidence.isEmpty()) {
            throw ApiException.badRequest("FILE_REQUIRED", "请选择要上传的文件。");
        }
        checkFiles(evidence);
        evidence.forEach(file -> documents.storeUpload(RECORD_TYPE, complaint.trackingNo(), DocType.EVIDENCE, file));
    }

    /** Checks the form, draws the tracking number, then registers in one transaction. */
    private Registered register(ComplaintSource source, String hotlineOrderNo, String referralNo, ComplaintForm form,
                                List<MultipartFile> evidence) {
        checkForm(form);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        String trackingNo = "TS-%d-%06d".formatted(now.getYear(),
                sequences.nextAllowingGaps("complaint.tracking." + now.getYear()));
        return transaction.execute(status -> register(source, hotlineOrderNo, referralNo, form, evidence, trackingNo, now));
    }

    private Registered register(ComplaintSource source, String hotlineOrderNo, String referralNo, ComplaintForm form,
                                List<MultipartFile> evidence, String trackingNo, LocalDateTime now) {
        String queryCode = queryCode();

        ComplaintMapper.NewComplaint row = new ComplaintMapper.NewComplaint();
        row.trackingNo = trackingNo;
        row.queryCodeHash = DocumentStore.sha256(queryCode.getBytes(StandardCharsets.UTF_8));
        row.source = source;
        row.hotlineOrderNo = hotlineOrderNo;
        row.referralNo = referralNo;
        row.anonymous = form.isAnonymous();
        if (!form.isAnonymous()) {
            row.complainantName = form.complainantName().strip();
            row.complainantPhone = form.complainantPhone().strip();
            row.complainantAddress = blankToNull(form.complainantAddress());
        }
        row.agencyCode = blankToNull(form.agencyCode());
        row.agencyText = blankToNull(form.agencyText());
        row.fieldCode = form.fieldCode().strip();
        row.occurredOn = form.occurredOn();
        row.occurredPlace = form.occurredPlace().strip();
        row.facts = form.facts().strip();
        row.demands = form.demands().strip();
        row.status = ComplaintStatus.REGISTERED;
        row.registeredBy = Actor.current().userId();
        row.registeredAt = now;
        complaints.insert(row);

        evidence.forEach(file -> documents.storeUpload(RECORD_TYPE, trackingNo, DocType.EVIDENCE, file));

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(COMPLAINT_ID, row.id);
        if (row.agencyCode != null) {
            variables.put(AGENCY_CODE, row.agencyCode);
            complaints.agencies().stream().filter(agency -> agency.code().equals(row.agencyCode)).findFirst()
                    .ifPresent(agency -> variables.put(AGENCY_NAME, agency.name()));
        }
        variables.put(ANONYMOUS, row.anonymous);
        variables.put(REOPEN_COUNT, 0);
        variables.put(EXTENDED, false);
        // nobody holds CREATE_INSTANCE: processes start only here, after the registration's own checks
        complaints.setProcessInstance(row.id, opening.startProcess(KEY, trackingNo, variables));

        // no identity in the audit trail: it is read by more people than handle the complaint
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("source", source);
        changes.put("anonymous", row.anonymous);
        changes.put("agencyCode", row.agencyCode);
        changes.put("fieldCode", row.fieldCode);
        changes.put("hotlineOrderNo", hotlineOrderNo);
        changes.put("evidenceFiles", evidence.size());
        auditLog.record(RECORD_TYPE, trackingNo, "COMPLAINT_REGISTERED", changes);
        return new Registered(row.id, trackingNo, queryCode, ComplaintStatus.REGISTERED, now, false);
    }

    private void checkForm(ComplaintForm form) {
        if (!form.isAnonymous()) {
            if (blankToNull(form.complainantName()) == null) {
                throw ApiException.badRequest("COMPLAINANT_NAME_REQUIRED",
                        "实名投诉须填写投诉人姓名（complainantName）；不愿留名的，请选择匿名投诉。");
            }
            if (blankToNull(form.complainantPhone()) == null) {
                throw ApiException.badRequest("COMPLAINANT_PHONE_REQUIRED",
                        "实名投诉须填写联系电话（complainantPhone），以便答复和回访。");
            }
        }
        String agencyCode = blankToNull(form.agencyCode());
        if (agencyCode == null && blankToNull(form.agencyText()) == null) {
            throw ApiException.badRequest("AGENCY_REQUIRED",
                    "请选择被投诉的执法部门（agencyCode），不清楚的请填写部门名称或描述（agencyText）。");
        }
        if (agencyCode != null && complaints.agencies().stream().noneMatch(agency -> agency.code().equals(agencyCode))) {
            throw ApiException.badRequest("AGENCY_UNKNOWN", "执法部门 " + agencyCode + " 不存在或已停用。");
        }
        if (complaints.field(form.fieldCode().strip()).isEmpty()) {
            throw ApiException.badRequest("FIELD_UNKNOWN", "执法领域 " + form.fieldCode() + " 不存在。");
        }
        if (form.occurredOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.badRequest("OCCURRED_IN_FUTURE", "发生日期不能晚于今天。");
        }
    }

    /**
     * The files the person chose: a browser sends an empty part with no name for a file input left empty,
     * which is not a file; a named file with no content is one, and is refused as empty (FILE_EMPTY).
     */
    private static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream()
                .filter(file -> !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())))
                .toList();
    }

    private void checkFiles(List<MultipartFile> files) {
        if (files.size() > MAX_FILES) {
            throw ApiException.badRequest("TOO_MANY_FILES", "最多上传 " + MAX_FILES + " 个证据材料。");
        }
        for (MultipartFile file : files) {
            if (file.getSize() > maxFileBytes) {
                throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "文件“" + file.getOriginalFilename()
                        + "”超过 " + DataSize.ofBytes(maxFileBytes).toMegabytes() + " MB 的大小限制。");
            }
            documents.checkUpload(file);
        }
    }

    private static String queryCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
