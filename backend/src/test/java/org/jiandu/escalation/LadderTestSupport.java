package org.jiandu.escalation;

import static org.mockito.Mockito.mock;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jiandu.ProcessTestSupport;
import org.jiandu.platform.EngineClock;

/** The ladder's beans for plain process tests: the real calendar, mocked delegates. */
public final class LadderTestSupport {

    private LadderTestSupport() {
    }

    public static void register() {
        Mocks.register("escalation", new EscalationCalendar(ProcessTestSupport.deadlines(), ProcessTestSupport.workdays(),
                new EngineClock(ProcessTestSupport.ZONE)));
        for (String delegate : new String[] {"escalationWarning", "issueReminderNotice", "issuePublicNotice",
                "taskReminder", "taskOverdue"}) {
            Mocks.register(delegate, mock(JavaDelegate.class));
        }
        Mocks.register("escalationTaskCheck", mock(TaskListener.class));
        Mocks.register("letterDecisions", new LetterRecord());
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
