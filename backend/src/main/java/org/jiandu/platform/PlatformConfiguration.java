package org.jiandu.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock, and scheduled housekeeping (rate-limit buckets, the archive sweep) on every node. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    @Bean
    Clock clock(@Value("${jiandu.zone}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }
}
