package org.jiandu.supervision;

import java.util.Collection;

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
        return TraceLinks.bothWays(mapper.casesOfComplaint(businessKey), mapper.findByNo(businessKey)
                .filter(row -> "COMPLAINT".equals(row.sourceType())).map(CaseRow::sourceRef));
    }
}
