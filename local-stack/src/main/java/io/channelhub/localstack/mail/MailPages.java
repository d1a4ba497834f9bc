package io.channelhub.localstack.mail;

import static io.channelhub.localstack.mail.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The viewer's two pages as HTML strings; every value taken from an e-mail goes through {@link Html#escape}. */
final class MailPages {
    private MailPages() {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** Long approval links and ids break anywhere rather than push the page wider than its box. */
    private static final String STYLE = "<style>body{font-family:sans-serif;margin:2em;overflow-wrap:anywhere}"
            + "table{border-collapse:collapse;width:100%;table-layout:fixed}"
            + "td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;overflow-wrap:anywhere}"
            + "th{width:9em}pre{background:#f6f6f6;padding:1em;white-space:pre-wrap;overflow-wrap:anywhere}"
            + "iframe{width:100%;height:32em;border:1px solid #ddd}</style>";

    /** Put into the e-mail's own HTML in the frame, for the same reason as {@link #STYLE}'s wrapping. */
    private static final String FRAME_STYLE = "<style>body,a,td{overflow-wrap:anywhere;word-break:break-word}</style>";

    /** Newest first; the page reloads itself every 2 s so new mail shows up without a click. */
    static String list(List<ReceivedMail> oldestFirst) {
        StringBuilder page = new StringBuilder(head("Local stack mail", true))
                .append("<h1>Received e-mail (").append(oldestFirst.size()).append(")</h1>");
        if (oldestFirst.isEmpty()) {
            return page.append("<p>Nothing yet. This page refreshes every 2 seconds.</p></body></html>").toString();
        }
        page.append("<table><tr><th>#</th><th>Received</th><th>To</th><th>Subject</th><th>Attachments</th>"
                + "<th></th></tr>");
        for (int number = oldestFirst.size(); number >= 1; number--) {
            ReceivedMail mail = oldestFirst.get(number - 1);
            page.append("<tr><td>").append(number)
                    .append("</td><td>").append(escape(TIME.format(mail.received())))
                    .append("</td><td>").append(escape(mail.to()))
                    .append("</td><td>").append(escape(mail.subject()))
                    .append("</td><td>").append(mail.attachments().size())
                    .append("</td><td><a href=\"/message/").append(number).append("\">view</a></td></tr>");
        }
        return page.append("</table></body></html>").toString();
    }

    /**
     * One e-mail: headers, its attachments as download links, the text body, and the HTML body rendered in a sandboxed frame (no scripts, links open a
     * new tab) with its source below.
     */
    static String message(int number, ReceivedMail mail) {
        StringBuilder page = new StringBuilder(head(mail.subject(), false))
                .append("<p><a href=\"/\">&larr; all e-mail</a></p>")
                .append("<h1>").append(escape(mail.subject())).append("</h1><table>")
                .append(row("#", String.valueOf(number)))
                .append(row("Received", TIME.format(mail.received())))
                .append(row("From", mail.from()))
                .append(row("To", mail.to()))
                .append(row("Message-ID", mail.messageId()))
                .append("</table>")
                .append(attachments(number, mail.attachments()))
                .append("<h2>Text body</h2>")
                .append(mail.text() == null ? "<p>(none)</p>" : "<pre>" + escape(mail.text()) + "</pre>")
                .append("<h2>HTML body</h2>");
        if (mail.html() == null) {
            page.append("<p>(none)</p>");
        } else {
            page.append("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")
                    .append(escape(withLinksInNewTab(mail.html()))).append("\"></iframe>")
                    .append("<details><summary>HTML source</summary><pre>").append(escape(mail.html()))
                    .append("</pre></details>");
        }
        return page.append("</body></html>").toString();
    }

    private static String attachments(int number, List<ReceivedMail.Attachment> attachments) {
        StringBuilder section = new StringBuilder("<h2>Attachments (").append(attachments.size()).append(")</h2>");
        if (attachments.isEmpty()) {
            return section.append("<p>(none)</p>").toString();
        }
        section.append("<ul>");
        for (int index = 1; index <= attachments.size(); index++) {
            ReceivedMail.Attachment attachment = attachments.get(index - 1);
            section.append("<li><a href=\"").append(attachmentPath(number, index)).append("\" download=\"")
                    .append(escape(attachment.filename())).append("\">").append(escape(attachment.filename()))
                    .append("</a> (").append(escape(attachment.contentType())).append(", ")
                    .append(size(attachment.content().length)).append(")</li>");
        }
        return section.append("</ul>").toString();
    }

    static String attachmentPath(int message, int attachment) {
        return "/message/" + message + "/attachment/" + attachment;
    }

    private static String size(int bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KB";
    }

    /**
     * Links in the e-mail (approval links) open in a new tab, outside the sandbox, so their pages work fully. The
     * base element goes after a doctype: before it, the browser would render the e-mail in quirks mode.
     */
    private static String withLinksInNewTab(String html) {
        String base = "<base target=\"_blank\">" + FRAME_STYLE;
        boolean hasDoctype = html.regionMatches(true, 0, "<!DOCTYPE", 0, 9) && html.indexOf('>') > 0;
        int at = hasDoctype ? html.indexOf('>') + 1 : 0;
        return html.substring(0, at) + base + html.substring(at);
    }

    static String notFound(String path) {
        return head("Not found", false) + "<p>No e-mail at " + escape(path) + ". <a href=\"/\">All e-mail</a></p></body></html>";
    }

    private static String row(String name, String value) {
        return "<tr><th>" + escape(name) + "</th><td>" + escape(value) + "</td></tr>";
    }

    private static String head(String title, boolean autoRefresh) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + (autoRefresh ? "<meta http-equiv=\"refresh\" content=\"2\">" : "") + STYLE + "</head><body>";
    }
}
