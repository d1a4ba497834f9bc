package io.channelhub.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.reseller.event.ResellerOrderRequested;
import io.channelhub.transfer.event.TransferRequested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** X1: every string and list of an input has a limit; the docs' table is the code's. */
class InputLimitsTest {

    @Test
    void anInputWithinEveryLimitHasNoViolation() {
        assertThat(InputLimits.check("ENT-1", request("e".repeat(128), "n".repeat(200), "a@" + "b".repeat(252))))
                .isEmpty();
    }

    @Test
    void eachFieldOverItsLimitIsNamedWithTheLimitAndItsSize() {
        var violations = InputLimits.check("k".repeat(301), request("e".repeat(900_000), "n".repeat(201),
                "a".repeat(255)));
        assertThat(violations).containsExactly(
                new InputLimits.Violation("(key)", 300, 301),
                new InputLimits.Violation("customerCompanyName", 200, 201),
                new InputLimits.Violation("entitlementId", 128, 900_000),
                new InputLimits.Violation("contactEmail", 254, 255));
    }

    @Test
    void nestedRecordsAndListsAreChecked() {
        var meta = meta("x".repeat(129));
        assertThat(InputLimits.check("R-1", TransferRequested.newBuilder().setMeta(meta).build()))
                .containsExactly(new InputLimits.Violation("meta.eventId", 128, 129));
        var order = new ResellerOrderRequested();
        order.setMeta(meta("id-2"));
        order.setResellerId("R-1");
        order.setOrderId("O-1");
        order.setCustomerName("Globex");
        order.setCustomerEmail("it@globex.example");
        order.setLines(Collections.nCopies(101, null));
        assertThat(InputLimits.check("R-1", order)).containsExactly(new InputLimits.Violation("lines", 100, 101));
    }

    @Test
    void docsListTheSameLimitsAsTheCode() throws IOException {
        String docs = Files.readString(Path.of("../docs/events.md"));
        assertThat(row(docs, "names")).isEqualTo(new TreeSet<>(InputLimits.NAMES));
        assertThat(row(docs, "e-mail addresses")).isEqualTo(new TreeSet<>(InputLimits.EMAILS));
        assertThat(row(docs, "free text")).isEqualTo(new TreeSet<>(InputLimits.TEXTS));
        assertThat(docs).contains("| (key) | " + InputLimits.KEY + " characters |")
                .contains("| " + InputLimits.NAME + " characters |").contains("| " + InputLimits.EMAIL + " characters |")
                .contains("| " + InputLimits.TEXT + " characters |").contains("| " + InputLimits.ID + " characters |")
                .contains("| " + InputLimits.ITEMS + " items |");
    }

    private static Set<String> row(String docs, String what) {
        Matcher row = Pattern.compile("^\\| " + Pattern.quote(what) + " \\| (.*?) \\|", Pattern.MULTILINE)
                .matcher(docs);
        assertThat(row.find()).as("row " + what).isTrue();
        Set<String> fields = new TreeSet<>();
        Matcher field = Pattern.compile("`([^`]+)`").matcher(row.group(1));
        while (field.find()) {
            fields.add(field.group(1));
        }
        return fields;
    }

    private static TransferRequested request(String entitlementId, String company, String email) {
        return TransferRequested.newBuilder().setMeta(meta("id-1")).setEntitlementId(entitlementId)
                .setCustomerCompanyName(company).setContactEmail(email).build();
    }

    private static EventMeta meta(String id) {
        return EventMeta.newBuilder().setEventId(id).setOccurredAt(Instant.EPOCH).setProducer("test").build();
    }
}
