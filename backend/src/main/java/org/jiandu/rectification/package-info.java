/**
 * Rectification tracking (整改跟踪): the agency's plan with milestones and reporting cycle, progress reports,
 * the completion report with evidence, and the supervisor's verification (验收).
 */
package org.jiandu.rectification;
