package org.jiandu.letter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * ${letterDecisions} in the letter diagram: decisions the letter's record holds, for its gateways. A gateway
 * does not read a variable for them, so nothing a caller sends to the process can change where the letter goes
 * (public, so that the expression language can call it).
 */
@Component("letterDecisions")
public class LetterDecisions {

    private final LetterAccess access;

    LetterDecisions(LetterAccess access) {
        this.access = access;
    }

    public boolean rectificationRequired(DelegateExecution execution) {
        return access.letterOf(execution).rectificationRequired();
    }
}
