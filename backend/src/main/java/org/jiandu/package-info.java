/**
 * Jiandu (监督): workflow system for administrative law-enforcement supervision (行政执法监督).
 * One package per feature; {@code platform} and {@code web} hold what every feature stands on.
 */
package org.jiandu;
