package org.jiandu.supervision;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The case process's listeners and the collections its multi-instance steps run over. */
final class CaseDelegates {

    private CaseDelegates() {
    }

    /** ${supervisionCases}: the participants of the deliberation and the letters of the decision. */
    @Component("supervisionCases")
    static class Collections {
        private final CaseService service;

        Collections(CaseService service) {
            this.service = service;
        }

        public List<String> participants(Object caseId) {
            return service.participantIds(((Number) caseId).longValue());
        }

        public List<String> letterNos(Object caseId) {
            return service.letterNos(((Number) caseId).longValue());
        }
    }

    /** ${caseTaskCheck}: validates and records what a completed step decided. */
    @Component("caseTaskCheck")
    static class TaskCheck implements TaskListener {
        private final CaseService service;

        TaskCheck(CaseService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateTask task) {
            service.onTaskCompleted(task);
        }
    }

    /** ${caseClosed}: every letter and rectification of the case has closed. */
    @Component("caseClosed")
    static class Closed implements ExecutionListener {
        private final CaseService service;

        Closed(CaseService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.close(execution, true);
        }
    }

    /** ${caseNotFiled}: the lead refused to file the case. */
    @Component("caseNotFiled")
    static class NotFiled implements ExecutionListener {
        private final CaseService service;

        NotFiled(CaseService service) {
            this.service = service;
        }

        @Override
        public void notify(DelegateExecution execution) {
            service.close(execution, false);
        }
    }
}
