package io.channelhub.localstack.demo;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The block the demo ends with: where to look next. Every line works as pasted: a URL a browser opens without a
 * login, or, for the views that are a party's own (docs/security.md), a ready {@code curl} with the token command
 * of a party that may see it, run from the project's directory.
 */
public final class DemoSummary {
    private DemoSummary() {
    }

    /**
     * What the running stack offers: the mail viewer's URL, each service's HTTP port by name, the token command
     * ({@code ./run-local-stack.sh token}, with the stack's {@code --data-dir} when not the default) and the log file.
     */
    public record Links(String mailViewerUrl, Map<String, Integer> servicePorts, String tokenCommand, Path logFile) {

        String service(String name) {
            return "http://localhost:" + servicePorts.get(name);
        }
    }

    private static final String RULE = "=".repeat(100);

    static List<String> lines(Links links, YearMonth month, int emails) {
        String transfers = links.service("transfer-service");
        String discounts = links.service("discount-service");
        String billing = links.service("billing-service");
        String isv = "isv " + DemoEvents.ISV;
        String reseller = "reseller " + DemoEvents.CURRENT_RESELLER;
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        lines.add("Channel Hub demo done. The stack keeps running; Ctrl-C stops it. Paste any line's URL or command:");
        lines.add(RULE);
        lines.add(row("E-mail (" + emails + " so far)", links.mailViewerUrl()));
        lines.add(row("", "consent requests with approve/reject links, the discount offer with its accept link,"));
        lines.add(row("", "the invoice with its PDF attached"));
        lines.add(row("Transfer state", curl(links, isv, transfers + "/transfers?entitlementId=" + DemoEvents.ENTITLEMENT)));
        lines.add(row("ISV's discounts", curl(links, isv, discounts + "/isvs/" + DemoEvents.ISV + "/discounts")));
        lines.add(row("Reseller's discounts", curl(links, reseller,
                discounts + "/resellers/" + DemoEvents.CURRENT_RESELLER + "/discounts")));
        String invoice = billing + "/payers/" + DemoEvents.CURRENT_RESELLER + "/invoices/" + month;
        lines.add(row("Invoice " + month, curl(links, reseller, invoice)));
        lines.add(row("Invoice PDF", curl(links, reseller, invoice + "/pdf") + " -o invoice-" + month + ".pdf"));
        lines.add(row("ISV's payout statement", curl(links, isv,
                billing + "/isvs/" + DemoEvents.ISV + "/payout-statements/" + month)));
        links.servicePorts().keySet().forEach(service -> lines.add(row(service,
                links.service(service) + "/actuator/health   " + links.service(service) + "/actuator/prometheus")));
        lines.add(row("Service logs", links.logFile().toString()));
        lines.add(RULE);
        return lines;
    }

    /** The URL in single quotes: a {@code ?} or {@code &} in it means nothing to the shell. */
    private static String curl(Links links, String party, String url) {
        return "curl -s -H \"Authorization: Bearer $(" + links.tokenCommand() + " " + party + ")\" '" + url + "'";
    }

    private static String row(String name, String value) {
        return String.format("%-24s %s", name, value);
    }
}
