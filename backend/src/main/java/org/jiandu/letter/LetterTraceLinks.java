package org.jiandu.letter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
        List<String> keys = new ArrayList<>(mapper.lettersOfComplaint(businessKey));
        mapper.findByNo(businessKey)
                .filter(letter -> "COMPLAINT".equals(letter.sourceType()) && letter.sourceRef() != null)
                .ifPresent(letter -> keys.add(letter.sourceRef()));
        return keys;
    }
}
