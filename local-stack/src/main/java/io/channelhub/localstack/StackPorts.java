package io.channelhub.localstack;

import io.channelhub.localstack.services.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every port the stack listens on, in one place (issue 23): the fixed ones as the options chose them and the
 * services' own (their defaults, + 100 per further instance), all shifted by {@code --port-offset}, so that a second
 * stack runs beside the first. A further port is one more component and one more entry in {@link #listed}. The
 * broker's controller port is not here: it is any free one, and nothing outside the broker uses it.
 *
 * @param offset    what every port was shifted by
 * @param instances instances of each service
 */
public record StackPorts(int offset, int kafka, int registry, int smtp, int mailViewer, int prometheus,
        int instances) {

    /** One port the stack needs free before it starts: its number, what it is for, the option that moves it. */
    public record Port(int number, String what, String option) {
    }

    private static final int HIGHEST = 65_535;

    /**
     * The ports given, shifted by {@code offset}.
     *
     * @throws IllegalArgumentException if the offset is negative or shifts a port past 65535
     */
    public static StackPorts shifted(int offset, int kafka, int registry, int smtp, int mailViewer, int prometheus,
            int instances) {
        if (offset < 0) {
            throw new IllegalArgumentException("--port-offset must not be negative: " + offset);
        }
        StackPorts ports = new StackPorts(offset, kafka + offset, registry + offset, smtp + offset,
                mailViewer + offset, prometheus + offset, instances);
        for (Port port : ports.listed(true)) {
            if (port.number() > HIGHEST) {
                throw new IllegalArgumentException("--port-offset=" + offset + " puts " + port.what() + " on port "
                        + port.number() + ", past " + HIGHEST);
            }
        }
        return ports;
    }

    /** The HTTP port of every service instance, by instance name ({@code transfer-service-2}). */
    public Map<String, Integer> services() {
        return Services.ports(instances, offset);
    }

    /** The HTTP port of each service's first instance, by service name: where a person looks. */
    public Map<String, Integer> firstInstances() {
        return Services.ports(1, offset);
    }

    /** Every port the stack will listen on, Prometheus's only if it runs. */
    public List<Port> listed(boolean withPrometheus) {
        String moved = " or --port-offset";
        List<Port> ports = new ArrayList<>(List.of(
                new Port(kafka, "Kafka", "--kafka-port" + moved),
                new Port(registry, "the schema registry", "--registry-port" + moved),
                new Port(smtp, "SMTP", "--smtp-port" + moved),
                new Port(mailViewer, "the mail viewer", "--mail-viewer-port" + moved)));
        if (withPrometheus) {
            ports.add(new Port(prometheus, "Prometheus", "--prometheus-port" + moved));
        }
        services().forEach((service, port) -> ports.add(new Port(port, service, "--port-offset")));
        return ports;
    }
}
