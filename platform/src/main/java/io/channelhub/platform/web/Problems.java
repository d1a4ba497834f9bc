package io.channelhub.platform.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems the services' web layers answer with. Thrown as {@link ErrorResponseException}s, they are
 * rendered as {@code application/problem+json} by Boot's problem-details handler
 * ({@code spring.mvc.problemdetails.enabled}). {@code code} is a stable, machine-readable property next to the
 * human {@code detail}.
 */
public final class Problems {

    /** Seconds a client should wait before asking again when the answer is "not now". */
    public static final String RETRY_AFTER_SECONDS = "5";

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("code", code);
        return new ErrorResponseException(status, problem, null);
    }

    /**
     * A refused decision link (MALFORMED 400, FORGED 403, EXPIRED 410).
     *
     * @param subject what the link was for, as the person reads it: "the transfer", "the discount"
     */
    public static ErrorResponseException decisionLink(String reason, String subject) {
        return switch (reason) {
            case "FORGED" -> of(HttpStatus.FORBIDDEN, reason, "Link not valid",
                    "This link was not issued by Channel Hub or has been altered.");
            case "EXPIRED" -> of(HttpStatus.GONE, reason, "Link expired",
                    "This link has expired, and so has " + subject + " it was sent for.");
            default -> of(HttpStatus.BAD_REQUEST, "MALFORMED", "Link malformed",
                    "This is not a complete link; copy the whole link from the e-mail.");
        };
    }

    public static ErrorResponseException notFound(String code, String title, String detail) {
        return of(HttpStatus.NOT_FOUND, code, title, detail);
    }

    /** The caller is signed in but this is another party's: for data whose existence is no secret to it. */
    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Not yours", detail);
    }

    public static ErrorResponseException conflict(String code, String title, String detail) {
        return of(HttpStatus.CONFLICT, code, title, detail);
    }

    /** 503 with Retry-After: the answer exists but cannot be given right now. */
    public static ErrorResponseException unavailable(String code, String detail) {
        ErrorResponseException e = of(HttpStatus.SERVICE_UNAVAILABLE, code, "Try again shortly", detail);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return e;
    }

    /** The data lives on (or may live on) instances of this service that did not answer. */
    public static ErrorResponseException instancesUnreachable(String detail, List<String> instances) {
        ErrorResponseException e = unavailable("INSTANCE_UNREACHABLE", detail);
        e.getBody().setProperty("instances", instances);
        return e;
    }
}
