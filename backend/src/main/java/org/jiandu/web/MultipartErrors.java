package org.jiandu.web;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart request the container cannot parse fails before a controller is chosen, where
 * {@link ProblemHandler} (bound to our controllers) does not apply: no boundary, a file name with a NUL
 * byte, a body over the container's limit. Each is the client's fault and answered as such.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartErrors {

    private static final Logger log = LoggerFactory.getLogger(MultipartErrors.class);

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        ProblemDetail problem = problem(e);
        log.warn("Refused {} {}: {}", problem.getStatus(), problem.getProperties().get("code"),
                e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail problem(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "上传的内容超过大小限制。");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException) {
                return Problems.of(HttpStatus.BAD_REQUEST, "FILE_NAME_INVALID", "文件名含有不允许的字符（如空字符），请改名后重新上传。");
            }
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART",
                "上传内容无法解析：请以 multipart/form-data 格式（含 boundary）提交文件。");
    }
}
