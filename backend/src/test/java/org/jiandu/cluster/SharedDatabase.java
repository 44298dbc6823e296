package org.jiandu.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;

/**
 * The database the application would use, resolved as Spring Boot resolves it (application.yml, the active
 * profiles' files, environment variables, system properties): the nodes under test are started on it and the
 * test counts rows in it. Only a database server can be shared by two JVMs; an embedded H2 belongs to one.
 */
record SharedDatabase(String url, String user, String password, List<String> profiles) {

    static SharedDatabase configured() {
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return new SharedDatabase(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""),
                Arrays.asList(environment.getActiveProfiles()));
    }

    /** MySQL or MariaDB (Connector/J speaks to both): a server both nodes reach. */
    boolean server() {
        return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
