package org.jiandu.workflow;

/**
 * Published (synchronously, inside the opening transaction) when a feature opens a record from another one:
 * a case, letter or clue opened from a complaint's approved proposal. The source's feature links the two,
 * so that neither feature needs to know the other's tables.
 *
 * @param sourceType the source record's type, e.g. {@code COMPLAINT}
 * @param sourceNo   the source record's number, e.g. {@code TS-2026-000123}
 * @param followUp   what was opened, in the source's terms: {@code SUPERVISION_CASE}, {@code SUGGESTION_LETTER},
 *                   {@code CLUE_TRANSFER}
 * @param recordId   the new record's id
 * @param recordNo   the new record's number
 */
public record RecordOpened(String sourceType, String sourceNo, String followUp, long recordId, String recordNo) {

    public static final String SUPERVISION_CASE = "SUPERVISION_CASE";
    public static final String SUGGESTION_LETTER = "SUGGESTION_LETTER";
    public static final String CLUE_TRANSFER = "CLUE_TRANSFER";
}
