package org.jiandu.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error handler of {@code /api}: every 4xx and 5xx is {@code application/problem+json}
 * with a stable {@code code} and a message a person understands.
 */
@RestControllerAdvice(basePackages = "org.jiandu")
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        if (!e.fields().isEmpty()) {
            problem.setProperty("fields", e.fields());
        }
        return respond(problem);
    }

    /** A request parameter outside its bounds (a {@code @Min}/{@code @Max} on a controller parameter). */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(jakarta.validation.ConstraintViolationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(violation -> {
            String path = violation.getPropertyPath().toString();
            fields.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
        });
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数不符合要求：" + describe(fields));
        problem.setProperty("fields", fields);
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "您没有执行此操作的权限。"));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ProblemDetail> engineAuthorization(AuthorizationException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "您没有执行此操作的权限。"));
    }

    @ExceptionHandler({TaskAlreadyClaimedException.class, OptimisticLockingException.class,
            PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                "该记录刚被他人修改或办理，请刷新后重试。"));
    }

    /** A rule a task listener enforced inside the engine (a form check): the engine wrapped it. */
    @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
    ResponseEntity<ProblemDetail> engine(org.camunda.bpm.engine.ProcessEngineException e) {
        if (lostARace(e)) {
            return concurrentChange(e);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e);
        }
        return RuleViolation.in(e).map(this::refused).orElseGet(() -> unexpected(e));
    }

    /** H2's (the embedded default's) "Timeout trying to lock table": its 1205. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    /**
     * The database chose this transaction as a deadlock's victim (MySQL/MariaDB 1213, SQLSTATE 40001, also a Galera
     * node's certification failure at commit) or it waited too long for a lock (1205, or H2's 50200): two people
     * acted on the same record at once, and this one lost.
     */
    static boolean lostARace(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("40001".equals(next.getSQLState()) || next.getErrorCode() == 1213 || next.getErrorCode() == 1205
                            || next.getErrorCode() == H2_LOCK_TIMEOUT) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A rule a feature enforced (often inside the engine): 400 with its code, its message and, for a form, its fields. */
    private ResponseEntity<ProblemDetail> refused(RuleViolation violation) {
        return api(ApiException.refused(violation));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return respond(Problems.of(HttpStatus.CONFLICT, "CONFLICT", "数据与已有记录冲突（重复或仍被引用），未作任何更改。"));
    }

    /** Every String bound from a request parameter or path variable passes the text hygiene check. */
    @org.springframework.web.bind.annotation.InitBinder
    void checkText(org.springframework.web.bind.WebDataBinder binder) {
        binder.registerCustomEditor(String.class, TextHygiene.parameterEditor());
    }

    @ExceptionHandler(TextHygiene.UnsafeTextException.class)
    ResponseEntity<ProblemDetail> unsafeText(TextHygiene.UnsafeTextException e) {
        return respond(unsafeTextProblem(e, e.field()));
    }

    private static ProblemDetail unsafeTextProblem(TextHygiene.UnsafeTextException e, String field) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_TEXT",
                TextHygiene.UnsafeTextException.describe(field, e.character()));
        if (field != null) {
            problem.setProperty("fields", Map.of(field, "含有不允许的控制字符或文字方向控制符"));
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        TextHygiene.UnsafeTextException unsafe = TextHygiene.UnsafeTextException.in(e);
        if (unsafe != null) {
            return respond(unsafeTextProblem(unsafe, e.getName()));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "参数 " + e.getName() + " 的值“" + abbreviate(String.valueOf(e.getValue())) + "”格式不正确。"));
    }

    /** What a person sent, shortened for the answer: a refusal does not echo a megabyte back. */
    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof RuntimeException failed && lostARace(failed)) {
            // a commit the server refused (Spring's TransactionSystemException), as a Galera node does when another
            // node's transaction changed the same rows first
            return concurrentChange(failed);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "服务器内部错误，操作未完成，请稍后重试或联系管理员。"));
    }

    /**
     * Spring MVC's own refusals (a body that fails validation or cannot be read, a missing parameter or part, a file
     * too large, an unsupported method or content type, an unknown path) all arrive here, each with its code and a
     * message that names what was wrong; any other with the status Spring chose.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        return respond(refusal(e, HttpStatus.valueOf(statusCode.value())));
    }

    /** Answered like the others, without the extra WARN line Spring's default writes for it: a refusal logs one line. */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, null, headers, status, request);
    }

    private static ProblemDetail refusal(Exception e, HttpStatus status) {
        if (e instanceof MethodArgumentNotValidException invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
                fields.putIfAbsent(error.getField(), error.getDefaultMessage());
            }
            return validationFailed(fields);
        }
        if (e instanceof HandlerMethodValidationException invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                    fields.putIfAbsent(result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
            return validationFailed(fields);
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            TextHygiene.UnsafeTextException unsafe = TextHygiene.UnsafeTextException.in(unreadable);
            if (unsafe != null) {
                return unsafeTextProblem(unsafe, unreadable.getCause()
                        instanceof com.fasterxml.jackson.databind.JsonMappingException mapping ? jsonPath(mapping) : unsafe.field());
            }
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求内容无法解析：请检查 JSON 格式及各字段的类型和取值。");
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "缺少必需的参数 " + missing.getParameterName() + "。");
        }
        if (e instanceof MissingServletRequestPartException missing) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "缺少必需的部分 " + missing.getRequestPartName() + "。");
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "上传的文件超过大小限制。");
        }
        if (e instanceof HttpRequestMethodNotSupportedException unsupported) {
            return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "此地址不支持 " + unsupported.getMethod() + " 请求。");
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "不支持的内容类型：" + unsupported.getContentType() + "。");
        }
        if (e instanceof NoResourceFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "请求的地址不存在。");
        }
        return status.is4xxClientError() ? Problems.of(status, "BAD_REQUEST", "请求无效：" + status.getReasonPhrase())
                : Problems.of(status, "INTERNAL_ERROR", "服务器内部错误，操作未完成。");
    }

    /** The JSON path of a refused value: {@code form.name}, {@code roles[1]}. */
    private static String jsonPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /**
     * 503 with {@code Retry-After}: the database could not be reached ({@link DatabaseUnavailable}). One WARN line,
     * no stack trace: an outage would otherwise write one per request while the readiness probe already says it.
     */
    private static <T> ResponseEntity<T> databaseUnavailable(Exception e) {
        DatabaseUnavailable.log(currentRequest(), e);
        @SuppressWarnings("unchecked")
        T body = (T) DatabaseUnavailable.problem();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfter())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** A refusal is expected, not an error: one line with the code, no stack trace (500s are logged in full). */
    private static void logRefusal(ProblemDetail problem) {
        if (problem.getStatus() >= 500) {
            return;
        }
        log.warn("Refused {}: {} {}", currentRequest(), problem.getStatus(),
                problem.getProperties() == null ? null : problem.getProperties().get("code"));
    }

    /** The method and path of the request being answered, for its log line. */
    private static String currentRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI() : "?";
    }

    /** 400 VALIDATION_FAILED naming each field that failed and why. */
    public static ProblemDetail validationFailed(Map<String, String> fields) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "提交的内容不完整或不符合要求：" + describe(fields));
        problem.setProperty("fields", fields);
        return problem;
    }

    private static String describe(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((field, message) -> text.append(text.isEmpty() ? "" : "；").append(field).append(' ').append(message));
        return text.append('。').toString();
    }

    /** The answer of a refusal, after its log line; typed as each handler's signature wants it. */
    private static <T> ResponseEntity<T> respond(ProblemDetail problem) {
        logRefusal(problem);
        @SuppressWarnings("unchecked")
        T body = (T) problem;
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
