package io.channelhub.localstack.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small web page over GreenMail's inbox: {@code /} lists what arrived, {@code /message/<n>} shows one e-mail.
 * The JDK's HTTP server is enough for one developer's browser.
 */
public final class MailViewer implements AutoCloseable {

    private static final Pattern MESSAGE_PATH = Pattern.compile("/message/(\\d{1,9})");

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
                page = new Page(500, "<pre>" + Html.escape(e.toString()) + "</pre>");
            }
            respond(exchange, page);
        }
    }

    private Page route(String method, String path) {
        if (!"GET".equals(method)) {
            return new Page(405, "Only GET");
        }
        if (path.equals("/")) {
            return new Page(200, MailPages.list(inbox.all()));
        }
        Matcher message = MESSAGE_PATH.matcher(path);
        List<ReceivedMail> mails = inbox.all();
        int number = message.matches() ? Integer.parseInt(message.group(1)) : 0;
        if (number >= 1 && number <= mails.size()) {
            return new Page(200, MailPages.message(number, mails.get(number - 1)));
        }
        return new Page(404, MailPages.notFound(path));
    }

    private record Page(int status, String html) {
    }

    private static void respond(HttpExchange exchange, Page page) throws IOException {
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
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
