package io.channelhub.platform.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One line per refused request, for operators: status, code, method and route. Never the path's own values, the
 * query, a header or the caller's id: those can be personal data (a customer's id) or secrets (a decision link's
 * token sits in its path).
 */
public final class EdgeLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.channelhub.edge");
    private static final Pattern SEGMENT = Pattern.compile("/[A-Za-z0-9._-]{0,40}");

    private EdgeLog() {
    }

    public static void refused(HttpServletRequest request, int status, String code) {
        if (status >= 500) {
            LOG.warn("{} {} {} {}", status, code, method(request), route(request));
        } else {
            LOG.info("{} {} {} {}", status, code, method(request), route(request));
        }
    }

    /** A method the container could not parse is not repeated either. */
    private static String method(HttpServletRequest request) {
        String method = request.getMethod();
        return method != null && method.matches("[A-Z]{1,10}") ? method : "?";
    }

    /**
     * The matched route ({@code /payers/{payerId}/invoices/{month}}) once Spring MVC has matched one; before that
     * (a refusal by the security filters or the container) only the first path segment, the rest elided.
     */
    static String route(HttpServletRequest request) {
        // on the container's error dispatch, the request that failed, not the error page's own route
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (failed == null && pattern != null) {
            return pattern.toString();
        }
        String uri = failed != null ? failed.toString() : request.getRequestURI();
        String context = request.getContextPath();
        String path = uri == null ? "" : context != null && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        // a path the container could not read may hold anything in its first segment too
        return (SEGMENT.matcher(first).matches() ? first : "/…") + (second < 0 ? "" : "/…");
    }
}
