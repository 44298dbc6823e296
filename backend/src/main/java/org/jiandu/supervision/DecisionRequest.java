package org.jiandu.supervision;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jiandu.letter.LetterContent;

/**
 * The deliberated decision: minutes, and one or more of close with no finding, suggestion letters, a corrective
 * decision, a clue transfer (recorded here; the clue-transfer process starts it).
 */
public record DecisionRequest(@NotBlank @Size(max = 20000) String minutes, boolean closeNoFinding,
                              @Valid @Size(max = 20) List<LetterContent> letters,
                              @Size(max = 20000) String correctiveDecision, @Size(max = 20000) String clueTransfer) {

    public DecisionRequest {
        letters = letters == null ? List.of() : List.copyOf(letters);
    }
}
