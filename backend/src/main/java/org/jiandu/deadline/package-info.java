/**
 * Deadlines (期限规则): the deadline policies an admin edits without a redeploy, and the
 * {@code deadlines} bean that turns a policy into a due date and a reminder date.
 */
package org.jiandu.deadline;
