/**
 * Complaint handling (投诉举报办理): public and staff intake, the {@code complaint-handling} process from
 * acceptance review to reply, return visit and close, with deadlines, escalations (督办) and 举报人保护.
 */
package org.jiandu.complaint;
