package io.channelhub.billing.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentNumbersTest {

    static IssuedDocument document(DocumentType type, String issuedOn, String fixedDueOn) {
        return new IssuedDocument("D-1", type, "R-1", LocalDate.parse(issuedOn),
                fixedDueOn == null ? null : LocalDate.parse(fixedDueOn), List.of(), List.of(), null);
    }

    // issue 23: the next number of the series, printed with the issuer, the series and the year
    @Test
    void theNextNumberFollowsTheLastOfItsSeries() {
        DocumentNumbers.Numbered invoice = DocumentNumbers.next(document(DocumentType.MONTHLY_INVOICE, "2027-01-01",
                null), "CH", 41, null);
        assertThat(invoice.sequence()).isEqualTo(42);
        assertThat(invoice.number()).isEqualTo("CH-2027-000042");
        assertThat(DocumentNumbers.next(document(DocumentType.CREDIT_NOTE, "2027-03-02", null), "CH", 0, null)
                .number()).isEqualTo("CH-CN-2027-000001");
        assertThat(document(DocumentType.PREPAID_INVOICE, "2027-01-01", null).seriesKey("CH"))
                .isEqualTo(document(DocumentType.ORDER_INVOICE, "2027-12-31", null).seriesKey("CH"))
                .isEqualTo("CH|INV|2027");
    }

    // issue 23, R5: due after the payer's terms, 30 days when it has none; an order keeps the due date R5 gave it
    @Test
    void theDueDateFollowsThePayersTermsUnlessTheRulesFixedIt() {
        assertThat(DocumentNumbers.next(document(DocumentType.MONTHLY_INVOICE, "2027-01-01", null), "CH", 0, 14)
                .dueOn()).isEqualTo("2027-01-15");
        DocumentNumbers.Numbered standard = DocumentNumbers.next(document(DocumentType.MONTHLY_INVOICE, "2027-01-01",
                null), "CH", 0, null);
        assertThat(standard.termsDays()).isEqualTo(30);
        assertThat(standard.dueOn()).isEqualTo("2027-01-31");
        DocumentNumbers.Numbered order = DocumentNumbers.next(document(DocumentType.ORDER_INVOICE, "2027-01-05",
                "2027-02-04"), "CH", 0, 14);
        assertThat(order.dueOn()).isEqualTo("2027-02-04");
        assertThat(order.termsDays()).isEqualTo(30);
    }
}
