package io.channelhub.transfer.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems the web layer answers with. Thrown as {@link ErrorResponseException}s, they are rendered
 * as {@code application/problem+json} by Boot's problem-details handler ({@code spring.mvc.problemdetails.enabled}).
 * {@code code} is a stable, machine-readable property next to the human {@code detail}.
 */
final class Problems {

    /** Seconds a client should wait before asking again when the answer is "not now". */
    static final String RETRY_AFTER_SECONDS = "5";

    private Problems() {
    }

    static ErrorResponseException of(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("code", code);
        return new ErrorResponseException(status, problem, null);
    }

    /** A refused approval link: MALFORMED 400, FORGED 403, EXPIRED 410. */
    static ErrorResponseException approvalLink(String reason) {
        return switch (reason) {
            case "FORGED" -> of(HttpStatus.FORBIDDEN, reason, "Approval link not valid",
                    "This approval link was not issued by Channel Hub or has been altered.");
            case "EXPIRED" -> of(HttpStatus.GONE, reason, "Approval link expired",
                    "This approval link has expired, and so has the transfer it was sent for.");
            default -> of(HttpStatus.BAD_REQUEST, "MALFORMED", "Approval link malformed",
                    "This is not a complete approval link; copy the whole link from the e-mail.");
        };
    }

    static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "UNKNOWN_TRANSFER", "Transfer not found", detail);
    }

    static ErrorResponseException conflict(String code, String title, String detail) {
        return of(HttpStatus.CONFLICT, code, title, detail);
    }

    /** 503 with Retry-After: the answer exists but cannot be given right now. */
    static ErrorResponseException unavailable(String code, String detail) {
        ErrorResponseException e = of(HttpStatus.SERVICE_UNAVAILABLE, code, "Try again shortly", detail);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return e;
    }

    /** The data lives on (or may live on) instances of this service that did not answer. */
    static ErrorResponseException instancesUnreachable(String detail, List<String> instances) {
        ErrorResponseException e = unavailable("INSTANCE_UNREACHABLE", detail);
        e.getBody().setProperty("instances", instances);
        return e;
    }
}
