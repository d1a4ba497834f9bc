package io.channelhub.platform.security;

import jakarta.servlet.http.HttpServletRequest;
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

    private EdgeLog() {
    }

    public static void refused(HttpServletRequest request, int status, String code) {
        if (status >= 500) {
            LOG.warn("{} {} {} {}", status, code, request.getMethod(), route(request));
        } else {
            LOG.info("{} {} {} {}", status, code, request.getMethod(), route(request));
        }
    }

    /**
     * The matched route ({@code /payers/{payerId}/invoices/{month}}) once Spring MVC has matched one; before that
     * (a refusal by the security filters) only the first path segment, the rest elided.
     */
    static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null) {
            return pattern.toString();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second) + "/…";
    }
}
