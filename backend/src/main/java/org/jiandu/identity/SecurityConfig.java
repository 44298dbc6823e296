package org.jiandu.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.jiandu.web.DatabaseUnavailable;
import org.jiandu.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Login for {@code /api/**} and {@code /engine-rest/**}: HTTP Basic against Camunda's identity store
 * (the webapps under {@code /camunda} keep their own login on the same users). Each request then runs
 * with the engine's authenticated user and groups set, so Camunda's authorization checks, history and
 * user-operation log see the real person.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfig {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityConfig.class);
    private static final java.time.format.DateTimeFormatter LOCK_END =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, IdentityService identityService,
                                    AuthenticationProvider loginProvider) throws Exception {
        // Path patterns on the whole path, not Spring MVC's: /engine-rest is a Jersey servlet of its own.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
                        paths.matcher("/actuator/**"), paths.matcher("/v3/api-docs/**"), paths.matcher("/v3/api-docs"),
                        paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html")))
                .authenticationProvider(loginProvider)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher("/api/public/**")).permitAll()
                        .requestMatchers(paths.matcher("/actuator/health/**"), paths.matcher("/actuator/health"),
                                paths.matcher("/actuator/info")).permitAll()
                        .requestMatchers(paths.matcher("/v3/api-docs/**"), paths.matcher("/v3/api-docs"),
                                paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html")).permitAll()
                        .requestMatchers(paths.matcher("/actuator/**")).hasAuthority(Role.ADMIN.groupId())
                        .requestMatchers(paths.matcher("/api/admin/**")).hasAuthority(Role.ADMIN.groupId())
                        // the engine's REST API is for admins and named integration accounts; people use /api and Tasklist
                        .requestMatchers(paths.matcher("/engine-rest/**"))
                                .hasAnyAuthority(Role.ADMIN.groupId(), Role.INTEGRATION.groupId())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("jiandu").authenticationEntryPoint((request, response, e) -> {
                    if (DatabaseUnavailable.causedBy(e)) {
                        // not a challenge: the password could not be checked at all
                        DatabaseUnavailable.write(request.getMethod() + " " + request.getRequestURI(), response, json, e);
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"jiandu\", charset=\"UTF-8\"");
                    if (e instanceof LockedException locked) {
                        log.warn("Refused {} {}: account locked", request.getMethod(), request.getRequestURI());
                        Problems.write(response, json, HttpStatus.UNAUTHORIZED, "ACCOUNT_LOCKED", locked.getMessage());
                    } else {
                        Problems.write(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                "请先登录：用户名或密码错误，或账号已停用。");
                    }
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    log.warn("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
                    Problems.write(response, json, HttpStatus.FORBIDDEN, "FORBIDDEN", "您没有执行此操作的权限。");
                }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic: no cookie session to ride on, so no CSRF token is needed here.
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Spring Security's own observations (a timer around every filter of the chain, the authentication and the
     * authorization) are not made: nothing reads them, and in the interactive benchmark's profile Micrometer's
     * observation code was 3 % of the request threads' CPU (docs/PERFORMANCE.md, sixth round). The request metrics
     * ({@code http.server.requests}) are Spring MVC's and stay.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The webapps' first-start setup (create an administrator without logging in) is never offered:
     * administrators come from the demo data, {@code JIANDU_ADMIN_PASSWORD} or the admin API.
     */
    @Bean
    @org.springframework.core.annotation.Order(0)
    SecurityFilterChain noWebappSetup(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/admin/setup/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, json,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "初始化向导已关闭：管理员由系统管理接口创建。"))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, json,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "初始化向导已关闭：管理员由系统管理接口创建。")))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Checks the password and loads the caller's profile ({@link UserDirectory#login}, one transaction), unless this
     * node accepted the same password under the same identity version lately ({@link LoginCache}).
     */
    @Bean
    AuthenticationProvider loginProvider(UserDirectory directory, LoginLocks locks, LoginCache remembered) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                try {
                    return check(authentication);
                } catch (RuntimeException e) {
                    if (!(e instanceof AuthenticationException) && DatabaseUnavailable.causedBy(e)) {
                        // answered 503 by the entry point, not 401: the password was not found wrong
                        throw new InternalAuthenticationServiceException("The database could not be reached", e);
                    }
                    throw e;
                }
            }

            private Authentication check(Authentication authentication) {
                String userId = authentication.getName();
                String password = String.valueOf(authentication.getCredentials());
                long version = remembered.version();
                CurrentUser user = remembered.find(userId, password, version).orElseGet(() -> {
                    CurrentUser verified = verify(userId, password);
                    remembered.remember(userId, password, version, verified);
                    return verified;
                });
                List<SimpleGrantedAuthority> authorities = user.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.groupId())).toList();
                return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
            }

            private CurrentUser verify(String userId, String password) {
                UserDirectory.Login login = directory.login(userId, password);
                if (!login.passwordAccepted()) {
                    locks.lockedUntil(userId).ifPresent(until -> {
                        throw new LockedException("密码连续错误次数过多，账号已临时锁定，将于"
                                + until.format(LOCK_END) + "自动解除；如需提前解除，请联系系统管理员。");
                    });
                    throw new BadCredentialsException("Bad credentials or disabled account");
                }
                return login.user().orElseThrow(() -> new BadCredentialsException("Account has no organisation"));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }
}
