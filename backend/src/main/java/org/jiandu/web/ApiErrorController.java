package org.jiandu.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}): errors that no controller advice saw (an unknown
 * {@code /api} path, a method the path does not support, a request refused before it reached a
 * controller) are answered under {@code /api} with a problem document like every other refusal.
 * Other paths (the Camunda webapps) keep Spring Boot's answer.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorController extends BasicErrorController {

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                       ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, server.getError(), errorViewResolvers.orderedStream().toList());
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!isApi(request)) {
            return super.errorHtml(request, response);
        }
        ProblemDetail problem = problem(request);
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.json(problem));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!isApi(request)) {
            return super.error(request);
        }
        ProblemDetail problem = problem(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        body.putAll((Map) problem.getProperties());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/") || "/api".equals(uri);
    }

    /** The problem for the status the container reports, with a code and a Chinese message. */
    static ProblemDetail problem(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        return forStatus(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
    }

    static ProblemDetail forStatus(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Problems.of(status, "MALFORMED_REQUEST", "请求无法处理：地址或内容含有不允许的字符或格式。");
            case UNAUTHORIZED -> Problems.of(status, "UNAUTHENTICATED", "请先登录。");
            case FORBIDDEN -> Problems.of(status, "FORBIDDEN", "您没有执行此操作的权限。");
            case NOT_FOUND -> Problems.of(status, "NOT_FOUND", "请求的地址不存在。");
            case METHOD_NOT_ALLOWED -> Problems.of(status, "METHOD_NOT_ALLOWED", "此地址不支持该请求方法。");
            case NOT_ACCEPTABLE -> Problems.of(status, "NOT_ACCEPTABLE", "无法以请求的格式（Accept）作答。");
            case PAYLOAD_TOO_LARGE -> Problems.of(status, "FILE_TOO_LARGE", "上传的内容超过大小限制。");
            case UNSUPPORTED_MEDIA_TYPE -> Problems.of(status, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型。");
            case TOO_MANY_REQUESTS -> Problems.of(status, "TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试。");
            default -> status.is4xxClientError()
                    ? Problems.of(status, "BAD_REQUEST", "请求无效：" + status.getReasonPhrase() + "。")
                    : Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                            "服务器内部错误，操作未完成，请稍后重试或联系管理员。");
        };
    }
}
