package io.channelhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StateCommandTest {

    private static final String TRANSFER = """
            {"entitlementId":"E-1","status":"OPENED","steps":[{"step":"REQUESTED","at":"2025-11-13T09:00:00Z"}]}""";
    private static final String PROBLEM = """
            {"type":"about:blank","title":"Transfer unknown","status":404,
             "detail":"No transfer is known for entitlement E-9.","instance":"/transfers","code":"TRANSFER_UNKNOWN"}""";

    /** A stand-in for a service's query endpoint: one transfer, a problem for anything else, a proxy's HTML page. */
    private HttpServer server;
    private String url;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/transfers", exchange -> {
            asked.add(exchange.getRequestURI() + " Accept: " + exchange.getRequestHeaders().getFirst("Accept"));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if ("entitlementId=E-1".equals(exchange.getRequestURI().getRawQuery())) {
                answer(exchange, 200, "application/json", TRANSFER);
            } else {
                answer(exchange, 404, "application/problem+json", PROBLEM);
            }
        });
        server.createContext("/invoice.pdf", exchange -> {
            byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', (byte) 0xE2, (byte) 0xE3};
            exchange.getResponseHeaders().set("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, pdf.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(pdf);
            }
        });
        server.createContext("/broken", exchange -> answer(exchange, 502, "text/html", "<html>Bad Gateway</html>"));
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    // issue 10: the operator's token goes in the Authorization header, read from a file, never an argument
    @Test
    void asksWithTheTokenFromTheTokenFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path tokenFile = java.nio.file.Files.writeString(dir.resolve("operator.jwt"),
                "header.payload.signature\n");
        Cli.Result result = Cli.run("state", "--url", url, "--path", "/transfers?entitlementId=E-1",
                "--token-file", tokenFile.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(authorizations).containsExactly("Bearer header.payload.signature");
        assertThat(result.out() + result.err()).doesNotContain("header.payload.signature");
        assertThat(Cli.run("state", "--url", url, "--path", "/transfers", "--token-file",
                dir.resolve("missing").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void printsTheAnswerPrettyPrinted() throws IOException {
        Cli.Result result = Cli.run("state", "--service", "transfer", "--url", url,
                "--path", "/transfers?entitlementId=E-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(asked).containsExactly("/transfers?entitlementId=E-1 Accept: application/json, "
                + "application/problem+json, */*;q=0.1");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(result.out())).isEqualTo(json.readTree(TRANSFER));
        assertThat(result.outLines()).hasSizeGreaterThan(5).contains(
                "  \"entitlementId\" : \"E-1\",",
                "  \"steps\" : [ {",
                "    \"step\" : \"REQUESTED\",");
    }

    @Test
    void printsAProblemAndExitsWith3() throws IOException {
        Cli.Result result = Cli.run("state", "--url", url + "/", "--path", "/transfers?entitlementId=E-9");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(new ObjectMapper().readTree(result.out())).isEqualTo(new ObjectMapper().readTree(PROBLEM));
        assertThat(result.outLines()).contains("  \"code\" : \"TRANSFER_UNKNOWN\"");
        assertThat(result.err().trim()).isEqualTo("channelhub-ops state: " + url + "/transfers?entitlementId=E-9 "
                + "answered 404: Transfer unknown: No transfer is known for entitlement E-9. (code TRANSFER_UNKNOWN)");
    }

    @Test
    void anErrorThatIsNotJsonIsPrintedAsItIs() {
        Cli.Result result = Cli.run("state", "--service", "billing", "--url", url, "--path", "/broken");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out().trim()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(result.err().trim()).isEqualTo("channelhub-ops state: " + url + "/broken answered 502");
    }

    @Test
    void aBinaryAnswerIsNotPrinted() {
        Cli.Result result = Cli.run("state", "--service", "billing", "--url", url, "--path", "/invoice.pdf");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err().trim()).isEqualTo("channelhub-ops state: 11 bytes of application/pdf not printed");
    }

    @Test
    void anUnreachableServiceExitsWith1() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Cli.Result result = Cli.run("state", "--url", "http://127.0.0.1:" + closedPort, "--path", "/transfers",
                "--timeout-ms", "2000");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().trim()).startsWith("channelhub-ops state: failed: cannot reach http://127.0.0.1:"
                + closedPort + "/transfers: ");
    }

    @Test
    void eachServiceHasItsDefaultPort() {
        assertThat(StateCommand.uri(StateCommand.Service.TRANSFER.defaultUrl(), "/transfers?entitlementId=E-1"))
                .hasToString("http://localhost:8081/transfers?entitlementId=E-1");
        assertThat(StateCommand.uri(StateCommand.Service.DISCOUNT.defaultUrl(), "/resellers/R-1/discounts"))
                .hasToString("http://localhost:8082/resellers/R-1/discounts");
        assertThat(StateCommand.uri(StateCommand.Service.BILLING.defaultUrl(), "/invoices/INV-1"))
                .hasToString("http://localhost:8083/invoices/INV-1");
    }

    @Test
    void badArgumentsExitWith2AndSayWhy() {
        assertUsageError(new String[] {"state", "--path", "/transfers"},
                "give --service (transfer, discount or billing) or --url (see --help)");
        assertUsageError(new String[] {"state", "--service", "shipping", "--path", "/x"},
                "'shipping' is not a service: transfer, discount or billing");
        assertUsageError(new String[] {"state", "--service", "transfer"}, "Missing required option: '--path=PATH'");
        assertUsageError(new String[] {"state", "--url", url, "--path", "transfers"},
                "--path must start with '/', e.g. /transfers?entitlementId=E-1");
        assertUsageError(new String[] {"state", "--url", url, "--path", "/transfers?name=Acme GmbH"},
                "not a valid URL: " + url + "/transfers?name=Acme GmbH");
        assertUsageError(new String[] {"state", "--url", "ftp://host", "--path", "/x"}, "not an http(s) URL");
        assertThat(asked).isEmpty();
    }

    @Test
    void helpNamesTheServicesAndTheirPorts() {
        Cli.Result result = Cli.run("state", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: channelhub-ops state");
        assertThat(result.out().replaceAll("\\s+", " ")).contains("--service=SERVICE",
                "--path=PATH", "--url=URL", "--timeout-ms=MS", "http://localhost:8081", "http://localhost:8082",
                "http://localhost:8083", "RFC 9457");
    }

    private static void assertUsageError(String[] args, String message) {
        Cli.Result result = Cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString().startsWith("channelhub-ops state: ")
                .contains(message);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
