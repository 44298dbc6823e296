package org.jiandu.escalation;

import static org.mockito.Mockito.mock;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jiandu.ProcessTestSupport;
import org.jiandu.platform.EngineClock;
import org.jiandu.workflow.StepTimers;

/** The ladder's beans for plain process tests: the real calendar, mocked delegates. */
public final class LadderTestSupport {

    private LadderTestSupport() {
    }

    /** The ladder's beans the diagrams call, mocked: a test verifies what the ladder was asked to do. */
    public record Ladder(LadderAlerts alerts, LadderDocuments documents, SuperviseDecisions decisions, StepTimers timers) {
    }

    public static Ladder register() {
        Mocks.register("escalation", new EscalationCalendar(ProcessTestSupport.deadlines(), ProcessTestSupport.workdays(),
                new EngineClock(ProcessTestSupport.ZONE)));
        Ladder ladder = new Ladder(mock(LadderAlerts.class), mock(LadderDocuments.class), mock(SuperviseDecisions.class),
                mock(StepTimers.class));
        Mocks.register("ladderAlerts", ladder.alerts());
        Mocks.register("ladderDocuments", ladder.documents());
        Mocks.register("superviseDecisions", ladder.decisions());
        Mocks.register("stepTimers", ladder.timers());
        Mocks.register("letterDecisions", new LetterRecord());
        return ladder;
    }

    /** Stands for the letter's record in plain process tests: it holds what the draft step decided. */
    public static final class LetterRecord {
        public boolean rectificationRequired(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            return Boolean.TRUE.equals(execution.getVariable("rectificationRequired"));
        }
    }

    public static Date at(LocalDateTime time) {
        return Date.from(time.atZone(ProcessTestSupport.ZONE).toInstant());
    }

    public static void clock(LocalDateTime time) {
        ClockUtil.setCurrentTime(at(time));
    }
}
