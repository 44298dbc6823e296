package org.jiandu.trace;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A feature's link as the trace tests need it: the test complaint {@code TTC-n} led to the test case
 * {@code TTK-n}. Only keys of the trace tests are linked, so other tests sharing the context are unaffected.
 */
@Component
class TestTraceLinks implements TraceLinks {

    @Override
    public Collection<String> linkedBusinessKeys(String businessKey) {
        if (businessKey.startsWith("TTC-")) {
            return List.of("TTK-" + businessKey.substring("TTC-".length()));
        }
        return List.of();
    }
}
