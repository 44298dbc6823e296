/**
 * Incidents (流程故障): a job that failed all its retries, seen and retried by admins, who are told when one arises.
 * Retries follow Camunda's retry time cycle (engine default {@code failed-job-retry-time-cycle}).
 */
package org.jiandu.incident;
