/**
 * The trust boundary (安全边界): one set of rules for every door into the engine — our {@code /api},
 * Tasklist's engine API and {@code /engine-rest} — and the engine settings that hold it (docs/SECURITY.md).
 */
package org.jiandu.security;
