package org.jiandu.support;

import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Test-only: wraps the application's DataSource so that tests can count the SQL statements an API call
 * executes (datasource-proxy). Found by the application's component scan on the test class path, so all
 * integration tests keep sharing one application context.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static final AtomicLong STATEMENTS = new AtomicLong();

    /** Statements executed since the application started, on any thread. */
    public static long count() {
        return STATEMENTS.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return ProxyDataSourceBuilder.create(dataSource).name("counted")
                    .afterQuery((execution, queries) -> STATEMENTS.addAndGet(queries.size()))
                    .build();
        }
        return bean;
    }

}
