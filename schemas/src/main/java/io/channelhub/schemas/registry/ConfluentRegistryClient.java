package io.channelhub.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry REST API (the one every Kafka client speaks; Apicurio serves it under
 * {@code /apis/ccompat/v7}), with what a serde needs cached: an id's schema forever (ids are immutable), a
 * subject's schema's id once registered. A registry that cannot be reached, or answers 5xx, is asked again with a
 * growing pause for up to {@code patience}; a 4xx is an answer.
 */
public final class ConfluentRegistryClient implements SchemaRegistry {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Duration patience;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    /** @param baseUrl the API's root, e.g. {@code http://localhost:8085/apis/ccompat/v7} */
    public ConfluentRegistryClient(String baseUrl, Duration patience) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.patience = patience;
    }

    public ConfluentRegistryClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    @Override
    public int register(String subject, Schema schema) {
        String canonical = schema.toString();
        return idsBySubjectAndSchema.computeIfAbsent(subject + '\n' + canonical, key -> {
            JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", body("schema", canonical));
            return answer.path("id").asInt();
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode answer = send("GET", "/schemas/ids/" + id, null);
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    @Override
    public void setCompatibility(String subject, Compatibility level) {
        send("PUT", "/config/" + encode(subject), body("compatibility", level.name()));
    }

    @Override
    public String location() {
        return baseUrl;
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", CONTENT_TYPE).header("Content-Type", CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = Duration.ofMillis(100);
        while (true) {
            String failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 300) {
                    return JSON.readTree(response.body());
                }
                if (response.statusCode() < 500) {
                    throw refusal(method, path, response);
                }
                failure = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted asking " + baseUrl + path, e);
            }
            if (System.nanoTime() + pause.toNanos() > deadline) {
                throw new SchemaRegistryUnavailableException("Schema registry " + baseUrl + " did not answer " + method + " "
                        + path + " within " + patience.toSeconds() + " s: " + failure);
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2)
                    : pause.multipliedBy(2);
        }
    }

    private SchemaRegistryException refusal(String method, String path, HttpResponse<String> response) {
        String message = response.body();
        try {
            message = JSON.readTree(response.body()).path("message").asText(message);
        } catch (IOException notJson) {
            // the raw body says it
        }
        String said = "Schema registry refused " + method + " " + path + " (HTTP " + response.statusCode() + "): "
                + message;
        return response.statusCode() == 409 ? new IncompatibleSchemaException(said) : new SchemaRegistryException(said);
    }

    private static String body(String field, String value) {
        return JSON.createObjectNode().put(field, value).toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted waiting for the schema registry", e);
        }
    }
}
