/**
 * Calendar (工作日历): working days under Chinese statutory holidays and make-up workdays (调休),
 * from tyme4j's published arrangements, a fallback rule for years not yet published, and the
 * exceptions an admin enters.
 */
package org.jiandu.calendar;
