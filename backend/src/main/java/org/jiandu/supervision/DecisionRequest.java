package org.jiandu.supervision;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jiandu.clue.ClueProposal;
import org.jiandu.letter.LetterContent;

/**
 * The deliberated decision: minutes, and one or more of close with no finding, suggestion letters, a corrective
 * decision, a clue transfer. A clue transfer gives the clue's category, facts and persons involved ({@code clue});
 * its source (the case) and agency (the case's) are filled in by the case. {@code clueTransfer} is the decision's
 * own words on the transfer, kept with the case.
 */
public record DecisionRequest(@NotBlank @Size(max = 20000) String minutes, boolean closeNoFinding,
                              @Valid @Size(max = 20) List<LetterContent> letters,
                              @Size(max = 20000) String correctiveDecision, @Size(max = 20000) String clueTransfer,
                              @Valid ClueProposal clue) {

    public DecisionRequest {
        letters = letters == null ? List.of() : List.copyOf(letters);
    }
}
