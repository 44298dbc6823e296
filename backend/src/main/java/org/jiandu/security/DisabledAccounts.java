package org.jiandu.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.jiandu.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A webapp session (Tasklist, Cockpit, Admin) ends at its next request once its account is disabled, on whichever
 * node the session lives and whichever node disabled it: every call of the webapps' APIs reads the account's
 * {@code app_user.enabled} from the database. (The webapps themselves re-read a session's user only every few
 * minutes, and then only whether the user exists.) The API under {@code /api} needs no such check: it logs in
 * with every request.
 */
class DisabledAccounts extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DisabledAccounts.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DisabledAccounts(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null) {
            for (UserAuthentication authentication : authentications.getAuthentications()) {
                String userId = authentication.getName();
                if (userId != null && !enabled(userId)) {
                    session.invalidate();
                    log.warn("Refused {} {}: the account {} is disabled; its webapp session has ended",
                            request.getMethod(), request.getRequestURI(), userId);
                    Problems.write(response, json, HttpStatus.UNAUTHORIZED, "ACCOUNT_DISABLED",
                            "账号已停用，请联系系统管理员。");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private boolean enabled(String userId) {
        List<Boolean> enabled = jdbc.queryForList("SELECT enabled FROM app_user WHERE user_id = ?", Boolean.class, userId);
        return !enabled.isEmpty() && Boolean.TRUE.equals(enabled.get(0));
    }
}
