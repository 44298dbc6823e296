/**
 * Notifications (消息提醒): in-app messages for new tasks, reminders, escalations (督办), urges,
 * CCs and returned work, written in the transaction of the action that causes them.
 */
package org.jiandu.notification;
