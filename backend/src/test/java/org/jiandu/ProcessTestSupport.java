package org.jiandu;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jiandu.calendar.CalendarExceptionMapper;
import org.jiandu.calendar.StatutoryCalendar;
import org.jiandu.calendar.Workdays;
import org.jiandu.deadline.Deadlines;
import org.jiandu.deadline.TestDeadlines;

/**
 * What every plain process test needs: the engine of {@code camunda-unit.cfg.xml} (named, in memory) and
 * the real {@code workdays} and {@code deadlines} beans over the statutory calendar and the default
 * policies, so that due dates in the diagrams are checked against the working-day calendar.
 *
 * <pre>
 * &#64;RegisterExtension
 * static ProcessEngineExtension engine = ProcessTestSupport.engine();
 *
 * &#64;BeforeEach
 * void setUp() { ProcessTestSupport.init(engine.getProcessEngine()); }
 * </pre>
 */
public final class ProcessTestSupport {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ProcessTestSupport() {
    }

    public static ProcessEngineExtension engine() {
        return ProcessEngineExtension.builder().configurationResource("camunda-unit.cfg.xml").build();
    }

    /** Binds BPM Assert to this engine and registers the calendar beans the diagrams use. */
    public static void init(ProcessEngine engine) {
        BpmnAwareTests.init(engine);
        Workdays workdays = workdays();
        Mocks.register("workdays", workdays);
        Mocks.register("deadlines", TestDeadlines.create(workdays));
    }

    /** The working-day calendar with the statutory data and no admin exceptions. */
    public static Workdays workdays() {
        CalendarExceptionMapper noExceptions = mock(CalendarExceptionMapper.class);
        when(noExceptions.findBetween(any(), any())).thenReturn(List.of());
        when(noExceptions.confirmedYears(org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.anyInt())).thenReturn(List.of());
        when(noExceptions.find(any())).thenReturn(java.util.Optional.empty());
        return new Workdays(new StatutoryCalendar(), noExceptions, ZONE.getId());
    }

    public static Deadlines deadlines() {
        return TestDeadlines.create(workdays());
    }
}
