package org.jiandu.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * Camunda's database identity provider, refusing the password of an account that is disabled or has
 * no organisation in {@code app_user}. Every login goes through here: the API's HTTP Basic, the engine
 * REST API and the webapps' own login form.
 */
public class JianduIdentityProvider extends DbIdentityServiceProvider {

    private static final String ENABLED_SQL = "SELECT enabled FROM app_user WHERE user_id = ?";

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null || !accountEnabled(userId)) {
            return false;
        }
        return super.checkPassword(userId, password);
    }

    private boolean accountEnabled(String userId) {
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(ENABLED_SQL)) {
            statement.setString(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read whether account " + userId + " is enabled", e);
        }
    }
}
