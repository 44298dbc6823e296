/**
 * Task inbox (待办中心): my tasks, tasks to claim, done and CC'd views over every process, and the task
 * operations (认领、归还、办理、委派、转办、退回、评论、催办、抄送) with server-side form validation.
 */
package org.jiandu.inbox;
