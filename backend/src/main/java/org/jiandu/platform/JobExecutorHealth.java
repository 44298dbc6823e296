package org.jiandu.platform;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health of Camunda's job executor, which fires every deadline, reminder and escalation. Two indicators:
 * {@code jobExecutorThreads} (bean names end in HealthIndicator, which the probe names drop; this node's executor is running; no database involved, so it is safe in the
 * liveness probe) and {@code jobExecutor} (running, and not starved: no job has been waiting more than
 * {@code jiandu.health.job-starvation} beyond its due time without any node taking it; part of readiness).
 * Where job execution is switched off by configuration (tests, a web-only node) both report UP and say so.
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorHealth {

    /** Jobs that could run (retries left, not suspended, not held by a live lock) and have waited too long. */
    private static final String STARVED_JOBS = """
            SELECT COUNT(*) FROM ACT_RU_JOB
            WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1
              AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ < ?)
              AND ((DUEDATE_ IS NULL AND CREATE_TIME_ < ?) OR DUEDATE_ < ?)""";

    @Bean
    HealthIndicator jobExecutorThreadsHealthIndicator(ProcessEngine engine,
                                       @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        return () -> threads(engine, enabled).build();
    }

    @Bean
    HealthIndicator jobExecutorHealthIndicator(ProcessEngine engine, JdbcTemplate jdbc,
                                @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled,
                                @Value("${jiandu.health.job-starvation:PT15M}") Duration starvation) {
        return () -> {
            Health.Builder health = threads(engine, enabled);
            if (!enabled || Status.DOWN.equals(health.build().getStatus())) {
                return health.build();
            }
            Date now = ClockUtil.getCurrentTime();
            Date limit = new Date(now.getTime() - starvation.toMillis());
            Long starved = jdbc.queryForObject(STARVED_JOBS, Long.class, now, limit, limit);
            health.withDetail("starvationLimit", starvation.toString()).withDetail("starvedJobs", starved);
            return (starved != null && starved > 0 ? health.down() : health.up()).build();
        };
    }

    private static Health.Builder threads(ProcessEngine engine, boolean enabled) {
        if (!enabled) {
            return Health.up().withDetail("enabled", false);
        }
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = executor != null && executor.isActive();
        return (active ? Health.up() : Health.down()).withDetail("enabled", true).withDetail("active", active);
    }
}
