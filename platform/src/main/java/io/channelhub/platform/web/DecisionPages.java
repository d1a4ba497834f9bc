package io.channelhub.platform.web;

import io.channelhub.platform.security.EdgeLog;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.HtmlUtils;

/**
 * The small pages a person sees after clicking a decision link in an e-mail: what the link will do with a
 * button that does it, then a thank-you, or why the link cannot be used (forged, expired, already used). GET only
 * shows; POST decides: mail scanners prefetch links, and a prefetch must never decide anything.
 */
public final class DecisionPages {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="robots" content="noindex"><title>%s</title></head>
            <body>
            <h1>%s</h1>
            %s
            </body>
            </html>
            """;

    private DecisionPages() {
    }

    /** A whole page; {@code bodyHtml} must already be escaped (use {@link #e}). */
    public static String page(String title, String bodyHtml) {
        return PAGE.formatted(e(title), e(title), bodyHtml);
    }

    /** The token is in the URL: keep it out of caches and out of Referer headers sent to other sites. */
    public static ResponseEntity<String> respond(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").body(html);
    }

    /**
     * JSON only for a client that asks for it (and not for HTML as well): a link is opened by a person, in a
     * browser or a mail client, which may send any Accept header or none.
     */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && !accept.contains(MediaType.TEXT_HTML_VALUE)
                && (accept.contains(MediaType.APPLICATION_JSON_VALUE) || accept.contains("+json"));
    }

    /**
     * A decision link's answer: whatever {@code handler} answers, and a refusal it throws (forged 403, expired
     * 410, already decided 409, unknown 404...) as a page saying so with the same status, unless JSON was asked
     * for (then the problem, as from any endpoint).
     */
    public static ResponseEntity<?> answer(HttpServletRequest request, Supplier<ResponseEntity<?>> handler) {
        try {
            return handler.get();
        } catch (ErrorResponseException refused) {
            if (wantsJson(request)) {
                throw refused;
            }
            ProblemDetail problem = refused.getBody();
            Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
            EdgeLog.refused(request, refused.getStatusCode().value(), String.valueOf(code));
            String title = problem.getTitle() != null ? problem.getTitle() : "This link cannot be used";
            ResponseEntity<String> page = respond(HttpStatus.valueOf(refused.getStatusCode().value()), page(title,
                    "<p>" + e(String.valueOf(problem.getDetail())) + "</p>\n<p>Nothing has been recorded by this "
                            + "visit.</p>\n"));
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(page.getHeaders());
            headers.addAll(refused.getHeaders()); // Retry-After of a 503
            return new ResponseEntity<>(page.getBody(), headers, page.getStatusCode());
        }
    }

    /** Every value on a page is escaped, signed or not: the page must stay inert whatever a claim contains. */
    public static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
