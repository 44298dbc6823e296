/**
 * Workflow helpers (流程办理): find the active task of a record, check that the user may work it, complete it
 * with decisions and transient texts, and show a record's current steps.
 */
package org.jiandu.workflow;
