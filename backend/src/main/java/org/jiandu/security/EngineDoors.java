package org.jiandu.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.jiandu.identity.Role;
import org.jiandu.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The webapps' own engine API ({@code /camunda/api/engine/...}) is the whole engine REST API behind a session
 * cookie. Tasklist needs a small part of it, so a user who is not an admin gets exactly that part: reads
 * (which the engine's authorizations narrow to what the user may see) other than the list of all accounts, task
 * and filter queries, and claiming and
 * completing a task (whose submitted fields {@code inbox.SubmittedFields} checks). Everything else — starting
 * processes, writing variables, re-routing tasks, saving filters, comments outside our API, signals, messages,
 * password checks — is refused with 403 here, before the engine is asked.
 */
class EngineDoors extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineDoors.class);

    /** {@code /camunda/api/engine/engine/{engine}/{rest}}: the part after the engine name is matched. */
    private static final Pattern ENGINE_PATH = Pattern.compile("^/api/engine/engine/([^/]+)/(.*)$");

    private static final List<Pattern> USER_WRITES = List.of(
            Pattern.compile("task(/count)?"),
            Pattern.compile("task/[^/]+/(claim|unclaim|complete|submit-form)"),
            Pattern.compile("filter/[^/]+/(list|count|singleResult)"),
            Pattern.compile("(process-instance|execution|variable-instance|incident|job|external-task)(/count)?"),
            Pattern.compile("history/(process-instance|activity-instance|task|variable-instance|detail|incident"
                    + "|user-operation|job-log|identity-link-log|external-task-log|decision-instance)(/count)?"));

    /** The list of every account: a user looks up a colleague's profile by id, never the directory. */
    private static final Pattern ACCOUNT_LISTS = Pattern.compile("user(/count)?/?");

    private final ObjectMapper json;

    EngineDoors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/engine/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engineCall = ENGINE_PATH.matcher(path(request));
        Optional<UserAuthentication> user = engineCall.matches() ? user(request, engineCall.group(1)) : Optional.empty();
        if (user.isEmpty() || allowed(request.getMethod(), engineCall.group(2), user.get())) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused {} {} to {}: not part of Tasklist's engine API for users", request.getMethod(),
                request.getRequestURI(), user.get().getName());
        Problems.write(response, json, HttpStatus.FORBIDDEN, "ENGINE_OPERATION_FORBIDDEN",
                "此操作不能通过任务列表进行：请在本系统的业务功能中办理。");
    }

    static boolean allowed(String method, String operation, UserAuthentication user) {
        if (user.getGroupIds() != null && user.getGroupIds().contains(Role.ADMIN.groupId())) {
            return true;
        }
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> !ACCOUNT_LISTS.matcher(operation).matches();
            case "POST" -> USER_WRITES.stream().anyMatch(pattern -> pattern.matcher(operation).matches());
            default -> false;
        };
    }

    private static Optional<UserAuthentication> user(HttpServletRequest request, String engine) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return Optional.ofNullable(authentications == null ? null
                : (UserAuthentication) authentications.getAuthenticationForProcessEngine(engine));
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.startsWith("/camunda") ? uri.substring("/camunda".length()) : uri;
    }
}
