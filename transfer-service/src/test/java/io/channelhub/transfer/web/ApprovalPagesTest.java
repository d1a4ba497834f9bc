package io.channelhub.transfer.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import org.junit.jupiter.api.Test;

/** The approval pages stay inert whatever a claim contains (T5 links are opened in browsers). */
class ApprovalPagesTest {

    private static final ApprovalLink HOSTILE = new ApprovalLink("tok\"><script>x()</script>",
            "T-<script>alert(1)</script>", "E-&-1", PartyRole.CURRENT_RESELLER, "R\" onmouseover=\"x()",
            ConsentDecision.REJECT);

    @Test
    void theConfirmationPageEscapesEveryValueAndPostsToTheToken() {
        String page = ApprovalPages.confirmation(HOSTILE);

        assertThat(page).doesNotContain("<script>", "\" onmouseover")
                .contains("T-&lt;script&gt;alert(1)&lt;/script&gt;", "E-&amp;-1", "R&quot; onmouseover=&quot;x()",
                        "current reseller", "Reject the transfer of entitlement E-&amp;-1?")
                .contains("<form method=\"post\" action=\"tok&quot;&gt;&lt;script&gt;x()&lt;/script&gt;\">");
    }

    @Test
    void theThankYouPageEscapesEveryValueAndNamesTheDecision() {
        String page = ApprovalPages.submitted(HOSTILE);

        assertThat(page).doesNotContain("<script>", "<form")
                .contains("Thank you", "<strong>REJECT</strong>", "T-&lt;script&gt;", "E-&amp;-1", "current reseller");
    }
}
