package org.jiandu.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the time forward on a running server, for demos and end-to-end tests that watch deadlines
 * pass. Exists only with {@code jiandu.clock.adjustable=true}; the clock moves only forward (the
 * engine's clock is per node, so this is for a single-node demo, never for production).
 */
@RestController
@RequestMapping("/api/admin/clock")
@Roles(Role.ADMIN)
@ConditionalOnProperty(name = "jiandu.clock.adjustable", havingValue = "true")
class ClockController {

    private final Clock clock;
    private final ProcessEngine engine;
    private final AuditLog auditLog;

    ClockController(Clock clock, ProcessEngine engine, AuditLog auditLog) {
        this.clock = clock;
        this.engine = engine;
        this.auditLog = auditLog;
    }

    @GetMapping
    ClockView now() {
        return view();
    }

    @PostMapping("/advance")
    @Transactional
    ClockView advance(@Valid @RequestBody AdvanceRequest request) {
        Duration by = Duration.ofDays(orZero(request.days())).plusHours(orZero(request.hours()))
                .plusMinutes(orZero(request.minutes()));
        if (by.isZero() || by.isNegative()) {
            throw ApiException.badRequest("CLOCK_NOT_FORWARD", "只能把时间向后拨，且至少拨动 1 分钟。");
        }
        Instant before = clock.instant();
        ClockUtil.offset(before.toEpochMilli() - System.currentTimeMillis() + by.toMillis());
        auditLog.record("CLOCK", "engine", "CLOCK_ADVANCED", Map.of("now", AuditLog.change(before.toString(),
                clock.instant().toString())));
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.jobWasAdded();
        }
        return view();
    }

    private ClockView view() {
        return new ClockView(OffsetDateTime.ofInstant(clock.instant(), clock.getZone()),
                ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis() > 1000);
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    record AdvanceRequest(@Min(0) @Max(3650) Integer days, @Min(0) @Max(1000) Integer hours,
                          @Min(0) @Max(100000) Integer minutes) {
    }

    record ClockView(OffsetDateTime now, boolean moved) {
    }
}
