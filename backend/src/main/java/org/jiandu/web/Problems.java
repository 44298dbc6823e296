package org.jiandu.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the problem documents every error of {@code /api} is answered with. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("https://jiandu.org/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    /** Writes a problem from a servlet filter, where no controller advice runs (401, 403 of the filter chain). */
    public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code,
                             String message) throws IOException {
        ProblemDetail problem = of(status, code, message);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Map.of(
                "type", problem.getType().toString(),
                "title", problem.getTitle(),
                "status", problem.getStatus(),
                "detail", problem.getDetail(),
                "code", code));
    }
}
