package org.jiandu.letter;

import java.util.Collection;

import org.jiandu.trace.TraceLinks;
import org.springframework.stereotype.Component;

/** A letter started from a complaint's proposal and that complaint belong to one trace. */
@Component
class LetterTraceLinks implements TraceLinks {

    private final LetterMapper mapper;

    LetterTraceLinks(LetterMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Collection<String> linkedBusinessKeys(String businessKey) {
        return TraceLinks.bothWays(mapper.lettersOfComplaint(businessKey), mapper.findByNo(businessKey)
                .filter(letter -> "COMPLAINT".equals(letter.sourceType())).map(LetterRow::sourceRef));
    }
}
