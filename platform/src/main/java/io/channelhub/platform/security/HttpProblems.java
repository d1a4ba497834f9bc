package io.channelhub.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stable {@code code} and plain-words title of a refusal known only by its HTTP status: what the container
 * (Tomcat), the security filters and Spring MVC's own exceptions produce without a code of ours. One table, so
 * the same status reads the same wherever in the stack it was decided. And the writer of such a problem where no
 * Spring MVC handler can answer (filters, the container's error report).
 */
public final class HttpProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpProblems() {
    }

    /** The code of a refusal that has no more specific one. */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "REQUEST_TIMEOUT";
            case 411 -> "LENGTH_REQUIRED";
            case 413 -> "BODY_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 501 -> "NOT_IMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            default -> status >= 500 ? "INTERNAL" : "REFUSED";
        };
    }

    /** What a person reads for that status; never the request's own values. */
    public static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its path, query or headers could not be read (encoded slashes, "
                    + "'..', control characters, bad %-escapes, or a request line or header over the limit).";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request is larger than this service accepts.";
            case 414 -> "The request line is longer than this service accepts.";
            case 431 -> "The request's headers are larger than this service accepts.";
            default -> status >= 500 ? "Something went wrong on our side; it has been logged. Try again later."
                    : "The request was refused.";
        };
    }

    /** The reason phrase, as the problem's title. */
    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error " + status;
    }

    /** Writes the problem, after one line on the edge log. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String title, String detail) throws IOException {
        EdgeLog.refused(request, status, code);
        response.setStatus(status);
        // JSON is UTF-8 by definition (RFC 8259): no charset parameter, the bytes written as such
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(status, code, title, detail).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    static String json(int status, String code, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        return JSON.writeValueAsString(problem);
    }
}
