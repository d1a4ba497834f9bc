package io.channelhub.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Sends a request that another instance must answer (its partitions hold the data) to that instance and relays
 * the answer unchanged: status, body, and the headers that matter to the caller.
 */
public class PeerForwarder {

    /** Marks a request sent by another instance (value: the sender); such a request is never forwarded again. */
    public static final String FORWARDED_HEADER = "X-Channelhub-Forwarded";
    /** On a relayed answer: the instance that actually answered. */
    public static final String ANSWERED_BY_HEADER = "X-Channelhub-Answered-By";
    private static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER,
            HttpHeaders.CACHE_CONTROL, "Referrer-Policy");

    private final HttpClient http;
    private final Duration timeout;
    private final String self;
    private final String service;

    public PeerForwarder(HostInfo self, Duration timeout, String service) {
        this.timeout = timeout;
        this.self = endpoint(self);
        this.service = service;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public static boolean isForwarded(HttpServletRequest request) {
        return request.getHeader(FORWARDED_HEADER) != null;
    }

    public static String endpoint(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    /**
     * The other instance's answer; a 503 problem if it cannot be reached.
     *
     * @param what whose data the other instance holds, for the problem's wording: "the transfer state of
     *             entitlement E-1"
     */
    public ResponseEntity<byte[]> relay(HostInfo peer, HttpServletRequest request, String what) {
        return ask(peer, request).orElseThrow(() -> Problems.instancesUnreachable(capitalised(what)
                + " is kept by another instance of " + service + " (" + endpoint(peer)
                + "), which cannot be reached right now.", List.of(endpoint(peer))));
    }

    /**
     * The answer about a located value: {@code here} applied to it (null: the key has none) on the instance that
     * holds it, else that instance's answer, relayed.
     *
     * @param what whose data it is, for the problem's wording should the holder be unreachable
     */
    public <V> ResponseEntity<?> answer(StoreLocator.Location<V> location, HttpServletRequest request, String what,
            Function<V, ResponseEntity<?>> here) {
        if (location instanceof StoreLocator.Elsewhere<V> elsewhere) {
            return relay(elsewhere.host(), request, what);
        }
        return here.apply(((StoreLocator.Here<V>) location).value());
    }

    /**
     * A list spread over all partitions (scatter-gather): this instance's part and, unless another instance sent
     * this request, every other instance's, each read from its answer's body; in {@code order}.
     */
    public <V> List<V> everywhere(List<V> here, Supplier<List<HostInfo>> peers, HttpServletRequest request,
            String what, Function<byte[], List<V>> read, Comparator<V> order) {
        List<V> all = new java.util.ArrayList<>(here);
        if (!isForwarded(request)) {
            gather(peers.get(), request, what).forEach(body -> all.addAll(read.apply(body)));
        }
        all.sort(order);
        return all;
    }

    /**
     * Every other instance's answer to the same request. An instance that cannot answer makes the whole answer a
     * 503: a partial list would read as complete.
     */
    private List<byte[]> gather(List<HostInfo> peers, HttpServletRequest request, String what) {
        List<byte[]> bodies = new java.util.ArrayList<>();
        List<String> silent = new java.util.ArrayList<>();
        for (HostInfo peer : peers) {
            Optional<ResponseEntity<byte[]>> answer = ask(peer, request);
            if (answer.isPresent() && answer.get().getStatusCode().is2xxSuccessful()) {
                bodies.add(answer.get().getBody());
            } else {
                silent.add(endpoint(peer));
            }
        }
        if (!silent.isEmpty()) {
            throw Problems.instancesUnreachable(capitalised(what) + " is spread over every instance of " + service
                    + ", and " + String.join(", ", silent) + " cannot answer right now.", silent);
        }
        return bodies;
    }

    /**
     * The first other instance's 2xx answer, for a lookup no metadata can route (an id indexed by another key):
     * empty when every instance answered that it does not know it; a 503 naming the instances that could not
     * answer, since "unknown" would then be a guess.
     */
    public Optional<ResponseEntity<byte[]>> firstAnswer(List<HostInfo> peers, HttpServletRequest request,
            String what) {
        List<String> silent = new java.util.ArrayList<>();
        for (HostInfo peer : peers) {
            Optional<ResponseEntity<byte[]>> answer = ask(peer, request);
            if (answer.isPresent() && answer.get().getStatusCode().is2xxSuccessful()) {
                return answer;
            }
            if (answer.isEmpty() || answer.get().getStatusCode().is5xxServerError()) {
                silent.add(endpoint(peer));
            }
        }
        if (!silent.isEmpty()) {
            throw Problems.instancesUnreachable(capitalised(what) + " is not on this instance, and other instances "
                    + "of " + service + " that may keep it (" + String.join(", ", silent) + ") cannot be reached "
                    + "right now.", silent);
        }
        return Optional.empty();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The other instance's answer, or empty when it could not be reached in time. */
    public Optional<ResponseEntity<byte[]>> ask(HostInfo peer, HttpServletRequest request) {
        if (peer.port() < 0) {
            return Optional.empty(); // HostInfo.unavailable(): the instance advertises no address
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create("http://" + endpoint(peer) + request.getRequestURI() + query))
                .timeout(timeout)
                .header(FORWARDED_HEADER, self)
                .method(request.getMethod(), HttpRequest.BodyPublishers.noBody());
        // the caller's own token: the other instance decides what this caller may see, as this one would
        for (String name : List.of(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION)) {
            String value = request.getHeader(name);
            if (value != null) {
                forward.header(name, value);
            }
        }
        try {
            return Optional.of(relayed(peer, http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray())));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static ResponseEntity<byte[]> relayed(HostInfo peer, HttpResponse<byte[]> response) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.statusCode())
                .header(ANSWERED_BY_HEADER, endpoint(peer));
        for (String name : RELAYED_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> answer.header(name, value));
        }
        return answer.body(response.body());
    }
}
