package org.jiandu.notification;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailDispatcher.Settings mailSettings(@Value("${jiandu.notification.mail-from:jiandu@localhost}") String from,
                                         @Value("${jiandu.mail.batch-size:50}") int batchSize,
                                         @Value("${jiandu.mail.max-attempts:8}") int maxAttempts,
                                         @Value("${jiandu.mail.retry-backoff:PT1M}") Duration retryBackoff,
                                         @Value("${jiandu.mail.max-backoff:PT6H}") Duration maxBackoff,
                                         @Value("${jiandu.mail.lease:PT10M}") Duration lease) {
        return new MailDispatcher.Settings(from, batchSize, maxAttempts, retryBackoff, maxBackoff, lease);
    }
}
