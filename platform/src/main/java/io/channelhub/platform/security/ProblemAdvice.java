package io.channelhub.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
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
        if (NestedExceptionUtils.getRootCause(e) instanceof BodyLimit.BodyTooLarge) {
            return handleExceptionInternal(e, null, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        LOG.error("Unexpected failure answering {}", EdgeLog.route(servlet(request)), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged. Try again later.");
        problem.setProperty("code", "INTERNAL");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * Every problem leaves with a {@code code}: a thrown problem (Problems) brings its own; Spring MVC's own
     * exceptions (a missing parameter, a wrong method...) get the one {@link HttpProblems} gives their status; a
     * body that read past the limit while being converted is the 413 it is, not a 400.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (NestedExceptionUtils.getRootCause(e) instanceof BodyLimit.BodyTooLarge) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
            HttpHeaders closing = new HttpHeaders();
            closing.addAll(headers);
            closing.set(HttpHeaders.CONNECTION, "close");
            headers = closing;
            body = ProblemDetail.forStatusAndDetail(status, "The request body is larger than this service accepts.");
        }
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : e instanceof ErrorResponse response ? response.getBody()
                : ProblemDetail.forStatusAndDetail(status, HttpProblems.detail(status.value()));
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", e instanceof MissingServletRequestParameterException ? "MISSING_PARAMETER"
                    : e instanceof MethodArgumentTypeMismatchException ? "MALFORMED_PARAMETER"
                    : HttpProblems.code(status.value()));
        }
        EdgeLog.refused(servlet(request), status.value(), problem.getProperties().get("code").toString());
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
