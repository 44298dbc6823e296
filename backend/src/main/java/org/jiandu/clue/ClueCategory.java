package org.jiandu.clue;

/** A category of misconduct that may be transferred; {@code requiresCollective}: decided collectively first. */
public record ClueCategory(String code, String name, boolean requiresCollective, boolean enabled, int sortNo) {
}
