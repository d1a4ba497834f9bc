package io.channelhub.billing.stream;

import io.channelhub.billing.domain.document.DocumentType;
import io.channelhub.billing.domain.document.IssuedDocument;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceLine;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerOrder;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** The billing.events that issue a numbered document, as numbering sees them; every other event is none. */
final class IssuedDocuments {

    private IssuedDocuments() {
    }

    static Optional<IssuedDocument> of(SpecificRecord event) {
        if (event instanceof InvoiceIssued invoice) {
            return Optional.of(new IssuedDocument(invoice.getInvoiceId(), DocumentType.MONTHLY_INVOICE,
                    invoice.getPayerId(), day(invoice.getIssuedAt()), null, accounts(invoice.getLines()),
                    skus(invoice.getLines()), null));
        }
        if (event instanceof CreditNoteIssued note) {
            return Optional.of(new IssuedDocument(note.getCreditNoteId(), DocumentType.CREDIT_NOTE,
                    note.getPayerId(), day(note.getIssuedAt()), null, accounts(note.getLines()), skus(note.getLines()),
                    note.getInvoiceId()));
        }
        if (event instanceof PrepaidInvoiceIssued prepaid) {
            return Optional.of(new IssuedDocument(prepaid.getInvoiceId(), DocumentType.PREPAID_INVOICE,
                    prepaid.getResellerId(), day(prepaid.getMeta().getOccurredAt()), null, List.of(),
                    prepaid.getLines().stream().map(PrepaidInvoiceLine::getSku).distinct().toList(), null));
        }
        if (event instanceof ResellerOrderAccepted accepted) {
            ResellerOrder order = accepted.getOrder();
            return Optional.of(new IssuedDocument(order.getOrderId(), DocumentType.ORDER_INVOICE,
                    order.getResellerId(), day(order.getPlacedAt()), order.getDueOn(), List.of(),
                    order.getLines().stream().map(OrderLine::getSku).distinct().toList(), null));
        }
        return Optional.empty();
    }

    private static List<String> accounts(List<InvoiceLine> lines) {
        return lines.stream().map(InvoiceLine::getBillingAccountId).distinct().toList();
    }

    private static List<String> skus(List<InvoiceLine> lines) {
        return lines.stream().map(InvoiceLine::getSku).distinct().toList();
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
