package org.jiandu.clue;

import java.util.Collection;
import java.util.Optional;

import org.jiandu.trace.TraceLinks;
import org.springframework.stereotype.Component;

/**
 * A clue and the record it comes from (a complaint, case, letter or rectification) belong to one trace. The
 * trace shows the clue's entries only to those with need to know; everyone else sees none of them.
 */
@Component
class ClueTraceLinks implements TraceLinks {

    private final ClueMapper clues;

    ClueTraceLinks(ClueMapper clues) {
        this.clues = clues;
    }

    @Override
    public Collection<String> linkedBusinessKeys(String businessKey) {
        return TraceLinks.bothWays(clues.clueNosOfSource(businessKey), businessKey.startsWith("XS-")
                ? Optional.ofNullable(clues.sourceNoOf(businessKey)) : Optional.empty());
    }
}
