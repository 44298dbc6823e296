package org.jiandu.workflow;

/**
 * The type of a value a step's form submits, as the form's component declares it: a free text (textarea,
 * textfield), one of fixed texts (radio or select with text options), yes/no (radio with true/false options,
 * checkbox), a number, a date.
 */
public enum FieldType {
    TEXT, CHOICE, BOOLEAN, NUMBER, DATE
}
