package io.channelhub.localstack.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits for {@code /actuator/health} to answer 200 (UP). A context that started is not yet a service that
 * works: its Kafka Streams app first joins the group and restores its stores, and health says when that is done.
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    /** @return the names of the services still not UP when the timeout ran out; empty when all are */
    public static List<String> awaitUp(List<RunningService> services, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<RunningService> waiting = new ArrayList<>(services);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            waiting.removeIf(service -> isUp(http, service));
            if (!waiting.isEmpty()) {
                Thread.sleep(250);
            }
        }
        return waiting.stream().map(RunningService::name).toList();
    }

    private static boolean isUp(HttpClient http, RunningService service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url("/actuator/health")))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
