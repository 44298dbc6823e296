package org.jiandu.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the audit sealer's sweep ({@link AuditSealer#sweep()}). */
@Configuration
@EnableScheduling
class AuditScheduling {
}
