/**
 * Workflow (流程办理): the step catalogue of every process's user tasks ({@link org.jiandu.workflow.StepCatalogue}), the
 * one path that completes a task for every door ({@link org.jiandu.workflow.ProcessTasks}), and separation of duty.
 */
package org.jiandu.workflow;
