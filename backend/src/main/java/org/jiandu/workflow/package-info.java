/**
 * Workflow (流程办理): the step catalogue of every process's user tasks ({@link org.jiandu.workflow.StepCatalogue}), the
 * one path that completes a task for every door ({@link org.jiandu.workflow.ProcessTasks}), separation of duty, and the
 * one notifier of new, due and overdue steps ({@link org.jiandu.workflow.StepNotifier}).
 */
package org.jiandu.workflow;
