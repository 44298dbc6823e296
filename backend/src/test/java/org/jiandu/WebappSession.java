package org.jiandu;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session in the Camunda webapps: logged in through Tasklist's login form, with the CSRF token the
 * webapps hand out, calling the webapps' own engine API ({@code /camunda/api/engine/engine/default/...}) as
 * Tasklist does.
 */
public final class WebappSession {

    /** An answer: status and body text. */
    public record Answer(int status, String body) {
    }

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String token = "";

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
    }

    public static WebappSession login(int port, String user, String password) throws Exception {
        WebappSession session = new WebappSession(port);
        session.refreshToken(session.browser.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/"))
                .GET().build(), HttpResponse.BodyHandlers.discarding()));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.browser.send(HttpRequest.newBuilder(
                        URI.create(session.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " failed: " + login.statusCode() + " " + login.body());
        }
        session.refreshToken(login);
        session.engine("GET", "task?maxResults=1", null); // the session's new CSRF token
        return session;
    }

    /** A call of the webapps' engine API, path relative to {@code /camunda/api/engine/engine/default/}. */
    public Answer engine(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + path))
                .header("Accept", "application/json").header("X-XSRF-TOKEN", token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        refreshToken(response);
        return new Answer(response.statusCode(), response.body());
    }

    private void refreshToken(HttpResponse<?> response) {
        token = response.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(token));
    }
}
