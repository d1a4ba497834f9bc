package io.channelhub.platform.security;

import io.channelhub.platform.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Input checks every Channel Hub endpoint shares, before its controller runs: ids in the path or query look like
 * ids, and a request carries no parameter the endpoint does not take (a misspelt filter would otherwise be
 * ignored and the answer read as filtered), nor any parameter twice. Ids matter beyond tidiness: stores are
 * keyed {@code <a>|<b>}, so an id holding a '|' could reach another party's key.
 */
final class EdgeGuard implements HandlerInterceptor {

    /** Letters, digits, '.', '_', ':', '-'; 1 to 128 characters, starting with a letter or digit. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** Path variables that are not ids: checked by their own endpoint (a signed link, a yyyy-MM month). */
    private static final Set<String> NOT_IDS = Set.of("token", "month");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return true; // the error page answers for a request already refused
        }
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName()
                .startsWith("io.channelhub.")) {
            return true; // actuator and Spring's own handlers check their own input
        }
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (path != null) {
            path.forEach((name, value) -> {
                if (!NOT_IDS.contains(name)) {
                    requireId(name, value);
                }
            });
        }
        Set<String> accepted = acceptedParameters(method);
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (!accepted.contains(name)) {
                throw Problems.of(HttpStatus.BAD_REQUEST, "UNKNOWN_PARAMETER", "Unknown parameter",
                        "This endpoint takes " + (accepted.isEmpty() ? "no parameters" : "only " + accepted)
                                + "; remove the others.");
            }
            if (parameter.getValue().length > 1) {
                // "a,b" joined by the binder would be looked up as one id: never what the caller meant
                throw Problems.of(HttpStatus.BAD_REQUEST, "REPEATED_PARAMETER", "Repeated parameter",
                        "The parameter " + name + " is given more than once; give it once.");
            }
            if (name.endsWith("Id")) {
                Arrays.stream(parameter.getValue()).forEach(value -> requireId(name, value));
            }
        }
        return true;
    }

    private static void requireId(String name, String value) {
        if (!ID.matcher(value).matches()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_ID", "Malformed id", "The " + name + " is not an "
                    + "id: ids are 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        }
    }

    private static Set<String> acceptedParameters(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (var parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                names.add(name);
            }
        }
        return names;
    }
}
