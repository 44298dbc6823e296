package org.jiandu.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every feature reads, and scheduled work on every node: the mail outbox's dispatcher, the
 * rate-limit buckets' housekeeping, the archive sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    @Bean
    Clock clock(@Value("${jiandu.zone}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }
}
