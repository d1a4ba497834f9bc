package io.channelhub.platform.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The small pages a person sees after clicking a decision link in an e-mail: what the link will do with a
 * button that does it, then a thank-you. GET only shows; POST decides: mail scanners prefetch links, and a
 * prefetch must never decide anything.
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

    /** A browser submitting the confirmation form asks for HTML; API clients ask for JSON or anything. */
    public static boolean fromBrowser(String acceptHeader) {
        return acceptHeader != null && acceptHeader.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** Every value on a page is escaped, signed or not: the page must stay inert whatever a claim contains. */
    public static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
