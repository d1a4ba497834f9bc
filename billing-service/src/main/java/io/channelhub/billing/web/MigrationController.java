package io.channelhub.billing.web;

import io.channelhub.billing.domain.migration.CreditStatement;
import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.platform.security.Caller;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * B6: the reseller's migration credit statement as CSV: one row per migrated order and the credit it earned. The
 * reseller's own and any operator's (issue 10): the path names the reseller, so another caller is refused (403).
 */
@RestController
class MigrationController {

    private final StoreLocator stores;
    private final PeerForwarder forwarder;

    MigrationController(StoreLocator stores, PeerForwarder forwarder) {
        this.stores = stores;
        this.forwarder = forwarder;
    }

    @GetMapping("/payers/{resellerId}/migration/credit-statement.csv")
    ResponseEntity<?> creditStatement(@PathVariable String resellerId, Caller caller, HttpServletRequest request) {
        if (!caller.mayRead(Party.reseller(resellerId))) {
            throw Problems.forbidden("Only the reseller itself sees its migration credit statement.");
        }
        StoreLocator.Location<MigrationState> location = stores.locate(BillingTopology.MIGRATIONS_STORE, resellerId,
                PeerForwarder.isForwarded(request));
        return forwarder.answer(location, request, "the migration of reseller " + resellerId, state -> {
            if (state == null) {
                throw Problems.notFound("NOT_MIGRATED", "No migration", "Reseller " + resellerId
                        + " has not moved to postpaid billing.");
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("migration-credit-" + resellerId + ".csv").build().toString())
                    .body(csv(CreditStatement.of(state.migration())));
        });
    }

    static String csv(CreditStatement statement) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(CreditStatement.HEADER.toArray(String[]::new)).get())) {
            for (CreditStatement.Row row : statement.rows()) {
                printer.printRecord(row.cells());
            }
            printer.printRecord(statement.totalCells());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
