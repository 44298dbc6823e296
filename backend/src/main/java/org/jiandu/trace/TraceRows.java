package org.jiandu.trace;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jiandu.audit.AuditEntry;
import org.jiandu.audit.AuditLog;
import org.jiandu.document.DocumentStore;
import org.jiandu.document.StoredDocument;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The record's own rows in a trace, as the reader's audience ({@link TraceScope}) may see them: audit rows (the
 * supervision body in full but for the typed texts and the mention of a clue it may not know of, an addressee only
 * its allow-list) and stored documents (an addressee only what was sent to it or made by its own people).
 */
@Component
class TraceRows {

    /** Fields of an audit row that tell of a clue: left out for a reader who may not know of one. */
    private static final Set<String> CLUE_MENTIONS = Set.of("clueProposal", "proposedClue", "clueNo");
    /** The audit field in which the task inbox records the values a task was completed or resolved with. */
    private static final String SUBMITTED_FIELDS = "fields";

    private final AuditLog auditLog;
    private final DocumentStore documentStore;
    private final ObjectMapper json;
    private final ZoneId zone;

    TraceRows(AuditLog auditLog, DocumentStore documentStore, ObjectMapper json, Clock clock) {
        this.auditLog = auditLog;
        this.documentStore = documentStore;
        this.json = json;
        this.zone = clock.getZone();
    }

    /**
     * The record's audit rows and stored documents the reader may see, added to the timeline at their time; answers
     * the documents, oldest first.
     */
    List<TraceService.TraceDocument> addTo(TraceTimeline timeline, TraceScope scope) {
        for (AuditEntry row : auditLog.ofRecordNumbers(scope.recordNos())) {
            if (scope.sees(row.recordType(), row.recordNo())) {
                auditEntry(row, scope).ifPresent(entry -> timeline.add(row.occurredAt().atZone(zone).toInstant(), entry));
            }
        }
        List<TraceService.TraceDocument> documents = new ArrayList<>();
        for (String recordNo : scope.recordNos()) {
            for (StoredDocument document : documentStore.listByRecordNo(recordNo)) {
                if (scope.sees(document.recordType(), document.recordNo()) && seesDocument(document, scope)) {
                    TraceService.TraceDocument described = describe(document, scope);
                    documents.add(described);
                    timeline.add(document.createdAt().atZone(zone).toInstant(), documentEntry(described));
                }
            }
        }
        documents.sort(Comparator.comparing(TraceService.TraceDocument::createdAt)
                .thenComparingLong(TraceService.TraceDocument::id));
        return documents;
    }

    /** Whether an addressee is shown any audit row or document of the record (when none of its processes). */
    boolean anyFor(TraceScope scope) {
        return auditLog.ofRecordNumbers(scope.recordNos()).stream().anyMatch(row ->
                scope.sees(row.recordType(), row.recordNo()) && auditEntry(row, scope).isPresent())
                || scope.recordNos().stream().flatMap(recordNo -> documentStore.listByRecordNo(recordNo).stream())
                .anyMatch(document -> scope.sees(document.recordType(), document.recordNo())
                        && seesDocument(document, scope));
    }

    /**
     * An audit row as the audience sees it: the supervision body in full (without the mention of a clue the reader
     * may not know of), an addressee only the actions of its allow-list, under our label, with the document number
     * or date it needs and the actor named only when it is one of its own people.
     */
    private Optional<TraceEntry> auditEntry(AuditEntry row, TraceScope scope) {
        OffsetDateTime at = row.occurredAt().atZone(zone).toOffsetDateTime();
        TraceAudience audience = scope.audience();
        if (audience.supervisionBody()) {
            String changes = supervisionBodyDetail(row.changes(), !scope.hiddenClueKeys().isEmpty());
            return Optional.of(new TraceEntry(at, "AUDIT", row.action(), row.recordNo(), row.recordType(), null, null,
                    null, null, row.actor(), row.actorRoles(), row.actorOrg(), row.clientIp(), null, changes));
        }
        String label = audience.addressedLabel(row.recordType(), row.action());
        if (label == null) {
            return Optional.empty();
        }
        String actor = scope.ownActor(row.actor());
        return Optional.of(new TraceEntry(at, "AUDIT", row.action(), row.recordNo(), row.recordType(), null, null,
                null, label, actor, null, actor == null ? null : row.actorOrg(), null, null,
                addressedDetail(row.changes())));
    }

    /** The fields of an audit row's changes an addressee may read (a document number, a date), as "key: value". */
    private String addressedDetail(String changes) {
        Map<String, Object> fields = parse(changes);
        String detail = fields.entrySet().stream().filter(field -> TraceAudience.ADDRESSED_DETAILS.contains(field.getKey()))
                .map(field -> field.getKey() + ": " + field.getValue()).collect(Collectors.joining("; "));
        return detail.isEmpty() ? null : detail;
    }

    /**
     * An audit row's changes as the supervision body reads them: the form values a task was completed or resolved
     * with ({@code fields}, written by the task inbox) only as far as they are decisions — the texts typed there are
     * the features' own records, and may name the complainant; without the fields that tell of a clue the reader
     * may not know of (a 督办 that proposed one).
     */
    private String supervisionBodyDetail(String changes, boolean hideClues) {
        Map<String, Object> fields = parse(changes);
        boolean changed = false;
        if (fields.get(SUBMITTED_FIELDS) instanceof Map<?, ?> submitted) {
            Map<Object, Object> decisions = new LinkedHashMap<>(submitted);
            decisions.keySet().retainAll(TraceAudience.AUDITOR_VARIABLES);
            if (hideClues) {
                decisions.keySet().removeAll(CLUE_MENTIONS);
            }
            if (decisions.size() != submitted.size()) {
                fields.put(SUBMITTED_FIELDS, decisions);
                changed = true;
            }
        }
        if (hideClues && fields.keySet().removeAll(CLUE_MENTIONS)) {
            changed = true;
        }
        if (!changed) {
            return changes;
        }
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> parse(String changes) {
        if (changes == null || changes.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(changes, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }

    /** Whether the audience sees a stored document of a record it may see: addressees only what was sent to them. */
    private boolean seesDocument(StoredDocument document, TraceScope scope) {
        return scope.audience().supervisionBody() || scope.audience().seesAddressedDocument(document.docType().name())
                || scope.ownActor(document.createdBy()) != null;
    }

    private TraceService.TraceDocument describe(StoredDocument document, TraceScope scope) {
        String createdBy = scope.audience().supervisionBody() ? document.createdBy() : scope.ownActor(document.createdBy());
        return new TraceService.TraceDocument(document.id(), document.recordType(), document.recordNo(), document.docType().name(),
                document.docNo(), document.title(), document.fileName(), document.sizeBytes(), document.sha256(),
                document.version(), createdBy, document.createdAt().atZone(zone).toOffsetDateTime());
    }

    private static TraceEntry documentEntry(TraceService.TraceDocument document) {
        String detail = (document.docNo() == null ? "" : document.docNo() + "；") + "第 " + document.version()
                + " 版；SHA-256 " + document.sha256();
        return new TraceEntry(document.createdAt(), "DOCUMENT", "STORED", document.recordNo(), document.recordType(),
                null, null, null, document.title(), document.createdBy(), null, null, null, null, detail);
    }
}
