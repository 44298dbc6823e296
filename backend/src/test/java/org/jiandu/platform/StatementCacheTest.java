package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Connector/J keeps its parse of a prepared statement only for statements up to {@code prepStmtCacheSqlLimit}
 * characters ({@code application-mysql-datasource.yml}); a longer one is parsed again on every use. Camunda's check
 * of a task permission ({@code TASK_WORK}), asked on every claim and completion by a person whatever the door, was
 * longer than the old limit (docs/PERFORMANCE.md, eighth round): the check, as this engine's MyBatis writes it for
 * its database, must fit the limit the MySQL profile sets.
 */
class StatementCacheTest extends IntegrationTest {

    private static final String PREFIX = "spring.datasource.hikari.data-source-properties.";

    @Autowired
    private ProcessEngineConfigurationImpl engineConfiguration;

    @Test
    void theEnginesTaskPermissionCheckFitsTheDriversStatementCache() {
        Properties mysql = mysqlProfile();
        assertThat(mysql.getProperty(PREFIX + "cachePrepStmts")).isEqualTo("true");
        int limit = Integer.parseInt(mysql.getProperty(PREFIX + "prepStmtCacheSqlLimit"));

        // what AuthorizationCommandChecker.checkTaskWork asks, for a person in a role and an organisation, with the
        // revoke part that the engine adds once any revoke exists (the longer form); the builder needs a command
        String sql = engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
            CompositePermissionCheck taskWork = new PermissionCheckBuilder().disjunctive()
                    .atomicCheckForResourceId(Resources.TASK, "task-id", Permissions.TASK_WORK)
                    .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, "complaint-handling", Permissions.TASK_WORK)
                    .atomicCheckForResourceId(Resources.TASK, "task-id", Permissions.UPDATE)
                    .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, "complaint-handling", Permissions.UPDATE_TASK)
                    .build();
            AuthorizationCheck check = new AuthorizationCheck("clerk", List.of("clerk", "org-SFJ"), taskWork, true);
            String statement = engineConfiguration.getDbSqlSessionFactory().mapStatement("isUserAuthorizedForResource");
            return engineConfiguration.getSqlSessionFactory().getConfiguration().getMappedStatement(statement)
                    .getBoundSql(check).getSql();
        });

        assertThat(sql.length())
                .as("Camunda's TASK_WORK check on %s against prepStmtCacheSqlLimit", engineConfiguration.getDatabaseType())
                .isLessThanOrEqualTo(limit);
    }

    private static Properties mysqlProfile() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-mysql-datasource.yml"));
        return yaml.getObject();
    }
}
