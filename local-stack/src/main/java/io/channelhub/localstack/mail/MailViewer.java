package io.channelhub.localstack.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small web page over GreenMail's inbox: {@code /} lists what arrived, {@code /message/<n>} shows one e-mail and
 * {@code /message/<n>/attachment/<k>} downloads its k-th attachment with the content type and file name it was sent with.
 * The JDK's HTTP server is enough for one developer's browser.
 */
public final class MailViewer implements AutoCloseable {

    private static final Pattern MESSAGE_PATH = Pattern.compile("/message/(\\d{1,9})(?:/attachment/(\\d{1,9}))?");

    private final HttpServer server;
    private final Inbox inbox;

    private MailViewer(HttpServer server, Inbox inbox) {
        this.server = server;
        this.inbox = inbox;
    }

    /** Serves the viewer on localhost at {@code port}. */
    public static MailViewer start(GreenMail greenMail, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            MailViewer viewer = new MailViewer(server, new Inbox(greenMail));
            server.createContext("/", viewer::handle);
            server.start();
            return viewer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the mail viewer on port " + port, e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Page page;
            try {
                page = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            } catch (RuntimeException e) {
                page = Page.html(500, "<pre>" + Html.escape(e.toString()) + "</pre>");
            }
            respond(exchange, page);
        }
    }

    private Page route(String method, String path) {
        if (!"GET".equals(method)) {
            return Page.html(405, "Only GET");
        }
        if (path.equals("/")) {
            return Page.html(200, MailPages.list(inbox.all()));
        }
        Matcher match = MESSAGE_PATH.matcher(path);
        List<ReceivedMail> mails = inbox.all();
        int number = match.matches() ? Integer.parseInt(match.group(1)) : 0;
        if (number < 1 || number > mails.size()) {
            return Page.html(404, MailPages.notFound(path));
        }
        ReceivedMail mail = mails.get(number - 1);
        if (match.group(2) == null) {
            return Page.html(200, MailPages.message(number, mail));
        }
        int index = Integer.parseInt(match.group(2));
        if (index < 1 || index > mail.attachments().size()) {
            return Page.html(404, MailPages.notFound(path));
        }
        ReceivedMail.Attachment attachment = mail.attachments().get(index - 1);
        return new Page(200, attachment.contentType(), attachment.content(), contentDisposition(attachment.filename()));
    }

    /**
     * RFC 6266: a plain ASCII {@code filename} for every browser plus the exact name as UTF-8 in {@code filename*}.
     */
    static String contentDisposition(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A response: an HTML page, or an attachment's bytes with its type and a Content-Disposition. */
    private record Page(int status, String contentType, byte[] body, String disposition) {
        static Page html(int status, String html) {
            return new Page(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private static void respond(HttpExchange exchange, Page page) throws IOException {
        byte[] body = page.body();
        exchange.getResponseHeaders().set("Content-Type", page.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (page.disposition() != null) {
            exchange.getResponseHeaders().set("Content-Disposition", page.disposition());
        }
        exchange.sendResponseHeaders(page.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
