package io.channelhub.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal from Spring MVC and the controllers as an RFC 9457 problem (replacing Boot's own handler of the
 * same kind), logged by {@link EdgeLog} without the request's values; an unexpected failure as a 500 problem
 * whose detail reveals nothing, with the stack trace in the log.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // ahead of Boot's own problem-details handler, which would not log
final class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        LOG.error("Unexpected failure answering {}", EdgeLog.route(servlet(request)), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged. Try again later.");
        problem.setProperty("code", "INTERNAL");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // a thrown problem (Problems) brings its own body; Spring MVC's own exceptions get theirs here
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : e instanceof ErrorResponse response ? response.getBody() : null;
        Object code = problem != null && problem.getProperties() != null ? problem.getProperties().get("code") : null;
        EdgeLog.refused(servlet(request), status.value(), code == null ? e.getClass().getSimpleName() : code.toString());
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
