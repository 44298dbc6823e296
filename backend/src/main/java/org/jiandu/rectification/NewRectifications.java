package org.jiandu.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.jiandu.audit.AuditLog;
import org.jiandu.letter.LetterRow;
import org.jiandu.letter.LetterService;
import org.jiandu.sequence.Sequences;
import org.springframework.stereotype.Component;

/** {@code ${rectificationSteps.open(execution)}}'s work: the rectification record a letter's call activity starts, numbered and audited. */
@Component
class NewRectifications {

    private final RectificationMapper mapper;
    private final LetterService letters;
    private final Sequences sequences;
    private final AuditLog auditLog;
    private final Clock clock;

    NewRectifications(RectificationMapper mapper, LetterService letters, Sequences sequences, AuditLog auditLog,
                      Clock clock) {
        this.mapper = mapper;
        this.letters = letters;
        this.sequences = sequences;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A rectification record for the letter numbered {@code letterNo} (the letter process's business key). */
    String open(String letterNo) {
        LetterRow letter = letters.byNo(letterNo).orElseThrow(() -> new IllegalStateException("No letter " + letterNo));
        long letterId = letter.id();
        int year = LocalDate.now(clock).getYear();
        String no = "ZG-" + year + "-" + String.format("%06d", sequences.next("RECTIFICATION|" + year));
        mapper.insert(no, letterId, letter.agencyCode(), now());
        auditLog.record(RectificationService.RECORD, no, "RECTIFICATION_OPENED", Map.of("letterNo", letter.letterNo(),
                "agency", letter.agencyCode()));
        return no;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
