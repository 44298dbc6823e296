/**
 * Escalation ladder (预警、催办、督办、通报) shared by letters and rectifications: yellow and red flags from due
 * dates, the reminder notice at the deadline, the lead's 督办 at the end of grace, public notices on the agency.
 */
package org.jiandu.escalation;
