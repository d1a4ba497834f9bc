package io.channelhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml runs the jars this build makes, with settings the services understand, on the ports their
 * defaults declare, and Prometheus scrapes them there. Nothing here starts Docker: the checks are on the files.
 */
class DockerComposeTest {

    /** Maven runs tests in the module directory; the repository root is its parent. */
    private static final Path ROOT = Paths.get("").toAbsolutePath().getParent();
    private static final List<String> SERVICES = List.of("transfer-service", "discount-service", "billing-service",
            "notification-service");

    /**
     * Settings a service's environment may set, in their canonical form. Exact keys where the set is closed, so a
     * misspelt variable fails here instead of being silently ignored by the service; prefixes where it is open.
     * A new, real key belongs in this list.
     */
    private static final List<String> KNOWN_KEYS = List.of("server.port", "spring.kafka.bootstrap-servers",
            "spring.kafka.streams.state-dir", "spring.kafka.streams.application-id", "spring.kafka.security.protocol",
            "spring.mail.host", "spring.mail.port", "spring.mail.username", "spring.mail.password");
    private static final List<String> KNOWN_PREFIXES = List.of("spring.kafka.properties",
            "spring.kafka.streams.properties", "spring.mail.properties", "channelhub", "management",
            "spring.security.oauth2.resourceserver.jwt");

    private static final Pattern JAR_MOUNT = Pattern.compile("\\./([a-z0-9-]+)/target/([a-z0-9-]+)-(.+)-exec\\.jar");

    private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
    private final Map<String, Map<String, Object>> composeServices = children(compose, "services");

    // T4, D3: the services that sign or verify decision links get the key from the host, never a literal
    @Test
    void theLinkSigningKeyComesFromTheHostEnvironment() {
        for (String service : List.of("transfer-service", "discount-service", "notification-service")) {
            assertThat(environment(service)).as(service + " environment").hasEntrySatisfying(
                    "CHANNELHUB_APPROVALS_KEY", value -> assertThat(value).startsWith("${CHANNELHUB_APPROVALS_KEY:?"));
        }
    }

    // issue 10: every service checks bearer tokens against the host's identity provider
    @Test
    void bearerTokensAreCheckedAgainstTheHostsIdentityProvider() {
        for (String service : List.of("transfer-service", "discount-service", "billing-service",
                "notification-service")) {
            assertThat(environment(service)).as(service + " environment").hasEntrySatisfying(
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                    value -> assertThat(value).startsWith("${CHANNELHUB_JWKS_URI:?"));
            // issue 18: and require its issuer and Channel Hub's audience, which only the host knows
            assertThat(environment(service)).as(service + " environment")
                    .hasEntrySatisfying("CHANNELHUB_SECURITY_TOKEN_ISSUER",
                            value -> assertThat(value).startsWith("${CHANNELHUB_TOKEN_ISSUER:?"))
                    .hasEntrySatisfying("CHANNELHUB_SECURITY_TOKEN_AUDIENCES",
                            value -> assertThat(value).startsWith("${CHANNELHUB_TOKEN_AUDIENCE:?"));
        }
    }

    @Test
    void runsEachServiceFromTheExecJarItsModuleBuilds() {
        for (String service : SERVICES) {
            assertThat(composeServices).as("compose services").containsKey(service);
            Matcher jar = jarMount(service);
            assertThat(jar.group(1)).as(service + " jar's module directory").isEqualTo(service);
            assertThat(ROOT.resolve(jar.group(1)).resolve("pom.xml")).as("module of " + service).isRegularFile();
            assertThat(jar.group(2)).as(service + " jar's artifact").isEqualTo(service);
            assertThat(jar.group(3)).as(service + " jar's version").isEqualTo(System.getProperty("project.version"));
        }
    }

    @Test
    void everyEnvironmentVariableOfAServiceBindsToAKnownSetting() {
        for (String service : SERVICES) {
            for (String variable : environment(service).keySet()) {
                assertThat(bindsToKnownSetting(variable))
                        .as("%s sets %s: not the environment form of a known setting", service, variable).isTrue();
            }
        }
    }

    @Test
    void eachServiceListensOnThePortItsDefaultsDeclare() throws IOException {
        for (String service : SERVICES) {
            String port = defaultPort(service);
            assertThat(environment(service)).as(service + " environment").containsEntry("SERVER_PORT", port);
            assertThat(strings(composeServices.get(service).get("ports"))).as(service + " ports")
                    .contains(port + ":" + port);
        }
    }

    @Test
    void everyRepositoryFileItMountsExists() {
        List<String> mounted = new ArrayList<>();
        composeServices.forEach((service, definition) -> {
            for (String volume : strings(definition.get("volumes"))) {
                String source = volume.split(":")[0];
                // build outputs (the jars) are checked against their modules above
                if (source.startsWith(".") && !JAR_MOUNT.matcher(source).matches()) {
                    mounted.add(source);
                    assertThat(ROOT.resolve(source).normalize()).as(service + " mounts " + source).exists();
                }
            }
        });
        assertThat(mounted).contains("./ops/prometheus/prometheus.yml", "./ops/grafana/provisioning");
    }

    @Test
    void prometheusScrapesEveryServiceAtItsComposeNameAndPort() throws IOException {
        Map<String, String> scraped = new LinkedHashMap<>();
        for (Object job : (List<?>) yaml(ROOT.resolve("ops/prometheus/prometheus.yml")).get("scrape_configs")) {
            Map<?, ?> config = (Map<?, ?>) job;
            for (Object staticConfig : (List<?>) config.get("static_configs")) {
                for (String target : strings(((Map<?, ?>) staticConfig).get("targets"))) {
                    scraped.put(target, String.valueOf(config.get("metrics_path")));
                }
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String service : SERVICES) {
            expected.put(service + ":" + defaultPort(service), "/actuator/prometheus");
        }
        assertThat(scraped).isEqualTo(expected);
    }

    @Test
    void grafanaReadsFromThePrometheusService() {
        Map<String, Object> provisioning = yaml(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml"));
        Map<?, ?> datasource = (Map<?, ?>) ((List<?>) provisioning.get("datasources")).get(0);
        URI url = URI.create(String.valueOf(datasource.get("url")));

        assertThat(datasource.get("type")).isEqualTo("prometheus");
        assertThat(composeServices).containsKey(url.getHost());
        assertThat(strings(composeServices.get(url.getHost()).get("ports"))).contains(url.getPort() + ":" + url.getPort());
    }

    /**
     * Spring Boot's own relaxed binding decides: the variable must supply a known key, or a property under a
     * known prefix, from an environment that holds only this variable.
     */
    private static boolean bindsToKnownSetting(String variable) {
        // named like the real one: Spring applies its environment-variable mapping only to that name
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value"));
        ConfigurationPropertySource source = ConfigurationPropertySource.from(environment);
        Binder binder = new Binder(source);
        boolean knownKey = KNOWN_KEYS.stream().anyMatch(key -> binder.bind(key, String.class).isBound());
        boolean underKnownPrefix = ((IterableConfigurationPropertySource) source).stream().anyMatch(name ->
                KNOWN_PREFIXES.stream().anyMatch(prefix -> ConfigurationPropertyName.of(prefix).isAncestorOf(name)));
        return knownKey || underKnownPrefix;
    }

    private static String defaultPort(String service) throws IOException {
        Path defaults = ROOT.resolve(service).resolve("src/main/resources").resolve(service + ".properties");
        assertThat(defaults).as("defaults of " + service).isRegularFile();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(defaults)) {
            properties.load(in);
        }
        assertThat(properties.getProperty("server.port")).as("server.port in " + defaults).isNotBlank();
        return properties.getProperty("server.port").trim();
    }

    private Matcher jarMount(String service) {
        List<Matcher> jars = strings(composeServices.get(service).get("volumes")).stream()
                .map(volume -> JAR_MOUNT.matcher(volume.split(":")[0])).filter(Matcher::matches).toList();
        assertThat(jars).as(service + " mounts one service jar").hasSize(1);
        return jars.get(0);
    }

    private Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = composeServices.get(service).get("environment");
        assertThat(declared).as(service + " environment (a map)").isInstanceOf(Map.class);
        ((Map<?, ?>) declared).forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> children(Map<String, Object> parent, String key) {
        return (Map<String, Map<String, Object>>) parent.get(key);
    }

    private static List<String> strings(Object list) {
        return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }
}
