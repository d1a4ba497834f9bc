package io.channelhub.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "state", mixinStandardHelpOptions = true,
        description = {
            "Asks a service's query endpoint over HTTP (GET) and pretty-prints the JSON answer.",
            "An error answer is printed too, on stdout (RFC 9457 problem details, pretty-printed), with one line "
                    + "on stderr: status, title, detail.",
            "Any instance will do: it forwards to the one holding the state.",
            "Text that is not JSON (a CSV) is printed as it is; a binary answer (a PDF) is not printed, only its "
                    + "size and type, on stderr."},
        footer = {"",
            "Examples:",
            "  state --service transfer --path '/transfers?entitlementId=E-1'",
            "  state --service discount --path /resellers/R-1/discounts",
            "  state --service billing --path /invoices/INV-1 --url http://10.0.0.7:8083",
            "  CHANNELHUB_TOKEN=$(cat operator.jwt) state --service discount --path /isvs/ISV-1/discounts",
            "",
            "Default URLs: transfer http://localhost:8081, discount http://localhost:8082, "
                    + "billing http://localhost:8083.",
            "",
            "Exit codes: 0 answered, 1 service unreachable, 2 bad arguments, 3 the service answered with an error "
                    + "(4xx, 5xx)."})
final class StateCommand implements Callable<Integer> {

    static final String ENV_TOKEN = "CHANNELHUB_TOKEN";

    /** The service answered, with an error: not the operator's command line (2) nor a failure to ask (1). */
    static final int ERROR_ANSWER = 3;

    /** The services with query endpoints, and the port each listens on by default (their properties files). */
    enum Service {
        TRANSFER(8081), DISCOUNT(8082), BILLING(8083);

        private final int port;

        Service(int port) {
            this.port = port;
        }

        String defaultUrl() {
            return "http://localhost:" + port;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Lower case on the command line, as the services are named everywhere else. */
    static final class ServiceConverter implements ITypeConverter<Service> {
        @Override
        public Service convert(String value) {
            for (Service service : Service.values()) {
                if (service.label().equals(value.toLowerCase(Locale.ROOT))) {
                    return service;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a service: transfer, discount or billing");
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--service", paramLabel = "SERVICE", converter = ServiceConverter.class,
            description = "transfer, discount or billing: picks the default URL.")
    private Service service;

    @Option(names = "--path", required = true, paramLabel = "PATH",
            description = "Path and query to ask, e.g. '/transfers?entitlementId=E-1' (quote it for the shell).")
    private String path;

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL of the instance to ask, e.g. http://host:8081 (default: the service's on "
                    + "localhost).")
    private String url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the bearer token to ask with (an operator's, from the identity provider). "
                    + "Default: the token in $" + StateCommand.ENV_TOKEN + ". Never on the command line: "
                    + "arguments show in process lists and shell history.")
    private Path tokenFile;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "10000",
            description = "Give up after MS milliseconds (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Override
    public Integer call() throws InterruptedException {
        if (service == null && url == null) {
            throw new ParameterException(spec.commandLine(), "give --service (transfer, discount or billing) or --url");
        }
        if (timeoutMs < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout-ms must be at least 1");
        }
        URI uri = uri(url != null ? url : service.defaultUrl(), path);
        HttpResponse<byte[]> response = get(uri);
        PrintWriter out = spec.commandLine().getOut();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = isText(contentType) ? new String(response.body(), StandardCharsets.UTF_8) : "";
        JsonNode json = parse(body);
        if (json != null) {
            out.println(pretty(json));
        } else if (!body.isEmpty()) {
            out.println(body);
        } else if (response.body().length > 0) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + response.body().length + " bytes of "
                    + contentType + " not printed");
        }
        out.flush();
        if (response.statusCode() / 100 == 2) {
            return 0;
        }
        spec.commandLine().getErr().println((spec.qualifiedName() + ": " + uri + " answered "
                + problem(response, json)).replaceAll("\\s*\\R\\s*", " "));
        return ERROR_ANSWER;
    }

    /**
     * The base URL and the path as one URI.
     *
     * @throws UsageException when they do not make an http(s) URI
     */
    static URI uri(String base, String path) {
        if (!path.startsWith("/")) {
            throw new UsageException("--path must start with '/', e.g. /transfers?entitlementId=E-1");
        }
        String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        URI uri;
        try {
            uri = URI.create(joined);
        } catch (IllegalArgumentException e) {
            throw new UsageException("not a valid URL: " + joined + " (" + e.getMessage()
                    + "; percent-encode spaces and the like, e.g. %20)");
        }
        if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new UsageException("not an http(s) URL: " + joined + " (--url is like http://host:8081)");
        }
        return uri;
    }

    /** JSON and text are printed; anything else (a PDF) would only garble the terminal. No type: try it as text. */
    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("csv");
    }

    /** The token from --token-file, else $CHANNELHUB_TOKEN; none: the service will answer 401. */
    private String token() {
        if (tokenFile == null) {
            String fromEnv = System.getenv(ENV_TOKEN);
            return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
        }
        try {
            return Files.readString(tokenFile).strip();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --token-file " + tokenFile);
        }
    }

    private HttpResponse<byte[]> get(URI uri) throws InterruptedException {
        Duration timeout = Duration.ofMillis(timeoutMs);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                // JSON first; */* so that an endpoint serving a CSV or a PDF does not answer 406
                .header("Accept", "application/json, application/problem+json, */*;q=0.1").GET();
        String token = token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // ConnectException and friends often carry no message at all
            throw new IllegalStateException("cannot reach " + uri + ": " + (e.getMessage() != null
                    ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }

    /** {@code 404 Not Found: Transfer unknown: No transfer is known for entitlement E-1. (code TRANSFER_UNKNOWN)} */
    private static String problem(HttpResponse<byte[]> response, JsonNode json) {
        StringBuilder line = new StringBuilder().append(response.statusCode());
        if (json != null && json.isObject()) {
            append(line, json.path("title"), ": ");
            append(line, json.path("detail"), ": ");
            if (json.path("code").isTextual()) {
                line.append(" (code ").append(json.path("code").asText()).append(')');
            }
        }
        return line.toString();
    }

    private static void append(StringBuilder line, JsonNode field, String separator) {
        if (field.isTextual() && !field.asText().isBlank()) {
            line.append(separator).append(field.asText());
        }
    }

    /** The body as JSON, or null when it is not JSON (an HTML error page from a proxy, say): printed as it is. */
    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String pretty(JsonNode json) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
