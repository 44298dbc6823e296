package org.jiandu.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jiandu.trace.TraceLinks;
import org.springframework.stereotype.Component;

/** A case opened from a complaint's proposal and that complaint belong to one trace. */
@Component
class CaseTraceLinks implements TraceLinks {

    private final CaseMapper mapper;

    CaseTraceLinks(CaseMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Collection<String> linkedBusinessKeys(String businessKey) {
        List<String> keys = new ArrayList<>(mapper.casesOfComplaint(businessKey));
        mapper.findByNo(businessKey)
                .filter(row -> "COMPLAINT".equals(row.sourceType()) && row.sourceRef() != null)
                .ifPresent(row -> keys.add(row.sourceRef()));
        return keys;
    }
}
