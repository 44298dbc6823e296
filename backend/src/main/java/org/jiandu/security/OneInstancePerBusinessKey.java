package org.jiandu.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.jiandu.web.ApiException;

/**
 * A process's business key is the number of its record: a second instance of the same process with the
 * same key (for example a hand-made {@code clue-transfer} carrying a real clue's number, to gain its trace)
 * is refused, whoever starts it.
 */
class OneInstancePerBusinessKey implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey == null || !execution.getId().equals(execution.getProcessInstanceId())) {
            return;
        }
        String definitionId = execution.getProcessDefinitionId();
        String key = definitionId.substring(0, definitionId.indexOf(':'));
        CommandContext commandContext = Context.getCommandContext();
        boolean checking = commandContext.isAuthorizationCheckEnabled();
        commandContext.disableAuthorizationCheck(); // count every instance, not only those the starter may see
        long others;
        try {
            others = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(key).processInstanceBusinessKey(businessKey).count();
        } finally {
            if (checking) {
                commandContext.enableAuthorizationCheck();
            }
        }
        if (others > 0) {
            throw ApiException.conflict("BUSINESS_KEY_TAKEN", "编号" + businessKey + "已有办理流程，不能再次发起。");
        }
    }
}
