package org.jiandu.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.jiandu.web.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every feature reads, and scheduled work on every node: the mail outbox's dispatcher, the
 * rate-limit buckets' housekeeping, the archive sweep, and how their failures are logged. Our mappers' database ids, for the few statements that
 * differ between MySQL / MariaDB and H2.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    /**
     * A scheduled task (the rate-limit buckets' housekeeping, the archive sweep, …) that cannot reach the database logs
     * one WARN line and runs again at its next turn, as a request answers 503 ({@link DatabaseUnavailable}); any other
     * failure is logged with its stack trace, as Spring's default does.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledTaskErrors() {
        return scheduler -> scheduler.setErrorHandler(error -> {
            if (DatabaseUnavailable.causedBy(error)) {
                log.warn("Scheduled task not run, the database is unavailable (again at its next turn): {}",
                        DatabaseUnavailable.reason(error));
            } else {
                log.error("Unexpected error occurred in scheduled task", error);
            }
        });
    }

    /**
     * A transaction takes its pooled connection at its first statement, not when it begins
     * ({@link LazyConnectionDataSourceProxy}): one that runs none costs no round trip. The engine runs such a command
     * after every job (its "job succeeded" listener), which was a connection taken, {@code SET autocommit=0},
     * {@code COMMIT} and {@code SET autocommit=1} per timer fired (docs/PERFORMANCE.md, "Deadlines"). A transaction
     * that does run statements is as before: the proxy applies its settings to the connection it then takes.
     */
    @Bean
    static BeanPostProcessor lazyTransactionConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)
                        && !(bean instanceof LazyConnectionDataSourceProxy)) {
                    return new LazyConnectionDataSourceProxy(dataSource);
                }
                return bean;
            }
        };
    }

    @Bean
    Clock clock(@Value("${jiandu.zone}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }

    /**
     * {@code databaseId="mysql"} marks a mapper statement for MySQL and MariaDB (MySQL Connector/J names both
     * "MySQL"; MariaDB's own driver says "MariaDB"); a statement without a database id serves the others.
     */
    @Bean
    DatabaseIdProvider databaseIdProvider() {
        Properties vendors = new Properties();
        vendors.setProperty("MySQL", "mysql");
        vendors.setProperty("MariaDB", "mysql");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        return provider;
    }
}
