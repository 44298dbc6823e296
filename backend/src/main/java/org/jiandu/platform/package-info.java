/**
 * Platform (平台基础): the embedded Camunda engine's settings, schema ordering with Flyway, the indexes
 * the engine's tables lack, task look-ups by fixed statements where our own rule has decided access, and the one
 * clock every feature reads the time from.
 */
package org.jiandu.platform;
