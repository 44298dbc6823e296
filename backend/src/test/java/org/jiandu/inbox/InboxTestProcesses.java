package org.jiandu.inbox;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Deploys the test-only processes of {@code inbox-test/} once per engine (no authenticated user in the
 * test thread, so no authorization check) and grants what the real processes get from AccessBootstrap:
 * leads and supervisors see the tasks of the test process (READ_TASK), as they do for the open processes.
 */
final class InboxTestProcesses {

    static final String PROCESS = "inbox-test";
    static final String BULK = "inbox-test-bulk";

    private static volatile boolean deployed;

    private InboxTestProcesses() {
    }

    static synchronized void deploy(ProcessEngine engine) {
        if (deployed) {
            return;
        }
        engine.getRepositoryService().createDeployment().name("inbox-test")
                .addClasspathResource("inbox-test/inbox-test.bpmn")
                .addClasspathResource("inbox-test/inbox-test-bulk.bpmn")
                .addClasspathResource("inbox-test/inbox-test-own-notices.bpmn")
                .addClasspathResource("inbox-test/inbox-test-handle.form")
                .addClasspathResource("inbox-test/inbox-test-review.form")
                .deploy();
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (String group : new String[] {"lead", "supervisor"}) {
            if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION)
                    .resourceId(PROCESS).count() > 0) {
                continue; // granted by an earlier run on this database
            }
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(PROCESS);
            grant.addPermission(ProcessDefinitionPermissions.READ);
            grant.addPermission(ProcessDefinitionPermissions.READ_TASK);
            authorizations.saveAuthorization(grant);
        }
        deployed = true;
    }

    /** Starts the test process for an agency with a fresh business key; returns the business key. */
    static String start(ProcessEngine engine, String agencyCode) {
        String businessKey = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS, businessKey, Map.of("agencyCode", agencyCode));
        return businessKey;
    }

    static String taskOf(ProcessEngine engine, String businessKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }
}
