package org.jiandu.clue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A proposal to transfer a clue: the target (纪委监委 when null), optionally a particular receiving body,
 * the category, the facts, the persons and agency involved, where it comes from and the records it rests on.
 * Other features (complaints, cases, escalations) build one and call {@link ClueProposals#propose}.
 */
public record ClueProposal(ClueTarget target,
                           @Size(max = 32) String targetOrgCode,
                           @NotBlank(message = "请选择问题线索类别") @Size(max = 40) String categoryCode,
                           @NotBlank(message = "请填写问题线索事实") @Size(max = 20000) String facts,
                           @NotBlank(message = "请填写涉及人员") @Size(max = 1000) String personsInvolved,
                           @Size(max = 32) String agencyCode,
                           @Valid ClueRef source,
                           @Size(max = 50) List<@Valid @NotNull ClueRef> evidenceLinks) {

    /** A record by its type and business number, e.g. {@code COMPLAINT TS-2026-000123}. */
    public record ClueRef(@NotNull ClueSource type, @Size(max = 80) String no) {
    }
}
