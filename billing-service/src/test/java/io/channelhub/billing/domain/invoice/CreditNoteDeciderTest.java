package io.channelhub.billing.domain.invoice;

import static io.channelhub.billing.domain.Fixtures.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRefused;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** B4: a correction of an issued invoice is a credit note of whole lines, each credited once, or a refusal. */
class CreditNoteDeciderTest {

    final InvoiceIssued invoice = InvoiceEvents.issued(InvoiceAssemblerTest.invoice(R1, InvoiceAssemblerTest.JUNE,
            InvoiceAssemblerTest.seedCustomers(), io.channelhub.billing.domain.Fixtures.usd("0.00")), "Reseller One",
            "billing@r1.example");

    // B4: the credited line with every amount negated; the invoice itself is untouched
    @Test
    void b4_aCreditNoteCreditsWholeLinesNegated() {
        Decision<CreditNoteIssued> decision = CreditNoteDecider.decide(request("c-1", 2), invoice,
                line -> Optional.empty());

        CreditNoteIssued note = decision.state();
        assertThat(decision.events()).containsExactly(note);
        assertThat(note.getInvoiceId()).isEqualTo(invoice.getInvoiceId());
        assertThat(note.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getNumber()).isEqualTo(2);
            assertThat(cents(line.getGross())).isEqualTo("-28.00");
            assertThat(cents(line.getIsvPayout())).isEqualTo("-27.16");
        });
        assertThat(cents(note.getTotal())).isEqualTo("-28.00");
        // X2: the same correction, replayed, is the same note
        assertThat(CreditNoteDecider.decide(request("c-1", 2), invoice, line -> Optional.empty()).state())
                .isEqualTo(note);
        assertThat(invoice.getLines()).hasSize(2);
    }

    // B1, B4: the issued lines say which instalment of the Annual commitment they bill (none for Flexible usage),
    // and a credit note repeats it with the line it credits
    @Test
    void b1_b4_theLinesCarryTheirInstalmentIntoTheCreditNote() {
        assertThat(invoice.getLines()).extracting(io.channelhub.billing.event.InvoiceLine::getCharge,
                io.channelhub.billing.event.InvoiceLine::getInstalment)
                .containsExactly(tuple("ANNUAL_INSTALMENT", 1),
                        tuple("FLEXIBLE_USAGE", null));
        CreditNoteIssued note = CreditNoteDecider.decide(request("c-6", 1), invoice, line -> Optional.empty())
                .state();
        assertThat(note.getLines()).singleElement().satisfies(line -> assertThat(line.getInstalment())
                .isEqualTo(1));
    }

    // B4: no invoice, no line, a line not on the invoice, a line credited before: refused with the code
    @Test
    void b4_whatCannotBeCreditedIsRefusedWithItsCode() {
        assertThat(code(CreditNoteDecider.decide(request("c-2", 1), null, line -> Optional.empty())))
                .isEqualTo("UNKNOWN_INVOICE");
        assertThat(code(CreditNoteDecider.decide(request("c-3"), invoice, line -> Optional.empty())))
                .isEqualTo("NO_LINES");
        assertThat(code(CreditNoteDecider.decide(request("c-4", 3), invoice, line -> Optional.empty())))
                .isEqualTo("UNKNOWN_LINE");
        Decision<CreditNoteIssued> again = CreditNoteDecider.decide(request("c-5", 1, 2), invoice,
                line -> line == 2 ? Optional.of("note-1") : Optional.empty());
        assertThat(code(again)).isEqualTo("ALREADY_CREDITED");
        assertThat(((CreditNoteRefused) again.events().get(0)).getDetail()).contains("note-1");
    }

    private static String code(Decision<CreditNoteIssued> decision) {
        assertThat(decision.state()).isNull();
        return ((CreditNoteRefused) decision.events().get(0)).getCode();
    }

    private CreditNoteRequested request(String id, Integer... lines) {
        EventMeta meta = EventIds.origin(id, Instant.parse("2024-07-05T00:00:00Z"), "support-desk");
        return new CreditNoteRequested(meta, R1, invoice.getMonth(), List.of(lines), "usage double-counted");
    }

    private static String cents(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }
}
