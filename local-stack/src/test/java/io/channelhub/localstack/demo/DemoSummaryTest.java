package io.channelhub.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.localstack.StackPorts;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {

    private static final Pattern CURL = Pattern.compile(
            "curl -s -H \"Authorization: Bearer \\$\\(\\./run-local-stack\\.sh token (isv|reseller) ([a-z-]+)\\)\" "
                    + "'(http://localhost:\\d+/[^' ]+)'( -o [a-z0-9-]+\\.pdf)?");

    private final Map<String, Integer> ports = new LinkedHashMap<>(Map.of("transfer-service", 8081));

    // issue 23: every line pastes as is: a public URL, or a curl whose token is of a party that owns the view
    @Test
    void everyProtectedViewIsAReadyCurlWithATokenOfItsOwner() {
        ports.put("discount-service", 8082);
        ports.put("billing-service", 8083);
        List<String> lines = DemoSummary.lines(new DemoSummary.Links("http://localhost:8025/", ports,
                "./run-local-stack.sh token", Path.of("/data/logs/local-stack.log")), YearMonth.of(2026, 12), 11);

        assertThat(lines.get(0)).startsWith("=====");
        assertThat(lines.get(lines.size() - 1)).startsWith("=====");
        assertThat(lines).contains(
                "E-mail (11 so far)       http://localhost:8025/",
                "Service logs             /data/logs/local-stack.log",
                "billing-service          http://localhost:8083/actuator/health   "
                        + "http://localhost:8083/actuator/prometheus");
        Map<String, String> ownerByPath = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.contains("curl")) {
                Matcher curl = CURL.matcher(line.substring(25));
                assertThat(curl.matches()).as(line).isTrue();
                ownerByPath.put(curl.group(3).replaceFirst("http://localhost:\\d+", "") + (curl.group(4) == null ? ""
                        : curl.group(4)), curl.group(1) + " " + curl.group(2));
            } else if (line.contains("http")) {
                assertThat(line).as(line).matches("[A-Za-z-]+( \\(\\d+ so far\\))? +http://localhost:\\d+/\\S*"
                        + "(   http://localhost:\\d+/actuator/prometheus)?");
            }
        }
        assertThat(ownerByPath).containsExactly(
                Map.entry("/transfers?entitlementId=entitlement-globex-analytics", "isv isv-acme-analytics"),
                Map.entry("/isvs/isv-acme-analytics/discounts", "isv isv-acme-analytics"),
                Map.entry("/resellers/reseller-northwind/discounts", "reseller reseller-northwind"),
                Map.entry("/payers/reseller-northwind/invoices/2026-12", "reseller reseller-northwind"),
                Map.entry("/payers/reseller-northwind/invoices/2026-12/pdf -o invoice-2026-12.pdf",
                        "reseller reseller-northwind"),
                Map.entry("/isvs/isv-acme-analytics/payout-statements/2026-12", "isv isv-acme-analytics"));
    }

    // issue 23: a stack started with --port-offset prints its own ports, and the token command of its own data
    @Test
    void aSecondStackPrintsItsShiftedPorts() {
        StackPorts ports = StackPorts.shifted(1000, 9092, 8085, 3025, 8025, 9090, 1);
        List<String> lines = DemoSummary.lines(new DemoSummary.Links("http://localhost:" + ports.mailViewer() + "/",
                ports.firstInstances(), "./run-local-stack.sh token --data-dir .local-stack-1000",
                Path.of(".local-stack-1000/logs/local-stack.log")), YearMonth.of(2026, 12), 11);

        Set<Integer> printed = new TreeSet<>();
        Matcher port = Pattern.compile("localhost:(\\d+)").matcher(String.join("\n", lines));
        while (port.find()) {
            printed.add(Integer.parseInt(port.group(1)));
        }
        assertThat(printed).containsExactlyElementsOf(new TreeSet<>(List.of(9025, 9081, 9082, 9083, 9084)));
        assertThat(lines).filteredOn(line -> line.contains("curl")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("token --data-dir .local-stack-1000 "));
    }
}
