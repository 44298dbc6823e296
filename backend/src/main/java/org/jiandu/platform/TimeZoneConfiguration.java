package org.jiandu.platform;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One zone, {@code jiandu.zone} (default Asia/Shanghai), for every timestamp. The application writes local date-times
 * in it (its clock is in that zone); the database writes its defaults ({@code DEFAULT CURRENT_TIMESTAMP}) in it too,
 * because each connection sets its session time zone on opening, whatever the server's or the JVM's zone; and JSON
 * carries the offset and whole seconds, always in the same shape: a {@code LocalDateTime} or an
 * {@code OffsetDateTime} is written as {@code 2026-12-02T16:01:29+08:00} (MariaDB keeps whole seconds, H2 keeps
 * fractions; an answer should not depend on the database, nor vary in length from one row to the next).
 */
@Configuration(proxyBeanMethods = false)
class TimeZoneConfiguration {

    static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    @Bean
    Jackson2ObjectMapperBuilderCustomizer timesWithOffset(@Value("${jiandu.zone}") String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        return builder -> builder
                .serializerByType(LocalDateTime.class, new JsonSerializer<LocalDateTime>() {
                    @Override
                    public void serialize(LocalDateTime value, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeString(JSON_TIME.format(value.atZone(zoneId)));
                    }
                })
                .serializerByType(OffsetDateTime.class, new JsonSerializer<OffsetDateTime>() {
                    @Override
                    public void serialize(OffsetDateTime value, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeString(JSON_TIME.format(value));
                    }
                });
    }

    /**
     * The database session's time zone, set on every new pooled connection. Before initialization: the pool is
     * bound to its properties by then and not yet wrapped (a test's statement counter wraps it afterwards).
     */
    @Bean
    static BeanPostProcessor sessionTimeZone(@Value("${jiandu.zone}") String zone) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql(sessionTimeZoneSql(pool.getJdbcUrl(), ZoneId.of(zone)));
                }
                return bean;
            }
        };
    }

    /**
     * H2 takes the zone's name. MySQL and MariaDB take an offset (named zones need the server's time zone tables,
     * which a fresh MariaDB does not load): the zone's offset now, right for zones without daylight saving time
     * such as Asia/Shanghai.
     */
    static String sessionTimeZoneSql(String jdbcUrl, ZoneId zone) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
            return "SET TIME ZONE '" + zone.getId() + "'";
        }
        ZoneOffset offset = zone.getRules().getOffset(Instant.now());
        return "SET time_zone = '" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId()) + "'";
    }
}
