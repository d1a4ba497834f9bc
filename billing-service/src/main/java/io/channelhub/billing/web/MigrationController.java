package io.channelhub.billing.web;

import io.channelhub.billing.domain.invoice.InvoiceEvents;
import io.channelhub.billing.domain.migration.CreditStatement;
import io.channelhub.billing.domain.migration.Migration;
import io.channelhub.billing.domain.migration.MigrationBook;
import io.channelhub.billing.domain.migration.MigrationProgramme;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.billing.stream.DocumentNumbering;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.documents.Assigned;
import io.channelhub.documents.Documents;
import io.channelhub.documents.Issuer;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.platform.directory.DirectoryView;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * B6: the reseller's migration credit statement as CSV (one row per migrated order and the credit it earned) and as
 * a PDF document. The reseller's own and any operator's (issue 10): the path names the reseller, so another caller
 * is refused (403).
 */
@RestController
class MigrationController {

    /** The statement takes no number (D-95): this and the reseller's id stand for one. */
    static final String STATEMENT = "MCS-";

    private final StoreLocator stores;
    private final PeerForwarder forwarder;
    private final Issuer issuer;

    MigrationController(StoreLocator stores, PeerForwarder forwarder, Issuer issuer) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.issuer = issuer;
    }

    @GetMapping("/payers/{resellerId}/migration/credit-statement.csv")
    ResponseEntity<?> creditStatement(@PathVariable String resellerId, Caller caller, HttpServletRequest request) {
        return migration(resellerId, caller, request, migration -> ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("migration-credit-" + resellerId + ".csv").build().toString())
                .body(csv(CreditStatement.of(migration))));
    }

    /** B6: the same statement as a document (issue 23, D-111): each migrated order, its credit, where it may go. */
    @GetMapping("/payers/{resellerId}/migration/credit-statement.pdf")
    ResponseEntity<?> creditStatementPdf(@PathVariable String resellerId, Caller caller, HttpServletRequest request) {
        return migration(resellerId, caller, request, migration -> {
            ReadOnlyKeyValueStore<String, SpecificRecord> directory = stores.local(BillingTopology.DIRECTORY_STORE);
            MigrationCompleted completed = MigrationProgramme.completed(InvoiceEvents.meta(STATEMENT + resellerId,
                    "MigrationCreditStatement", migration.migratedAt()), new DirectoryView(directory), migration);
            List<String> address = directory.get("reseller:" + resellerId) instanceof ResellerRegistered registered
                    ? registered.getAddress() : List.of();
            Map<String, String> names = DocumentNumbering.names(directory, stores.local(BillingTopology.PRICES_STORE),
                    migration.accounts(), migration.orders().stream().map(o -> o.order().sku()).distinct().toList());
            Assigned assigned = Assigned.unnumbered(STATEMENT + resellerId, migration.migratedAt()
                    .atZone(ZoneOffset.UTC).toLocalDate(), address, names);
            return PdfResponses.of(Documents.creditStatement(completed, issuer, assigned),
                    "migration-credit-" + resellerId + ".pdf");
        });
    }

    /** The reseller's migration, to the reseller itself and operators, or the problem that says why not. */
    private ResponseEntity<?> migration(String resellerId, Caller caller, HttpServletRequest request,
            Function<Migration, ResponseEntity<?>> answer) {
        if (!caller.mayRead(Party.reseller(resellerId))) {
            throw Problems.forbidden("Only the reseller itself sees its migration credit statement.");
        }
        StoreLocator.Location<MigrationBook> location = stores.locate(BillingTopology.MIGRATIONS_STORE, resellerId,
                PeerForwarder.isForwarded(request));
        return forwarder.answer(location, request, "the migration of reseller " + resellerId, book -> {
            if (MigrationBook.migrationOf(book) == null) {
                throw Problems.notFound("NOT_MIGRATED", "No migration", "Reseller " + resellerId
                        + " has not moved to postpaid billing.");
            }
            return answer.apply(book.migration().migration());
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
