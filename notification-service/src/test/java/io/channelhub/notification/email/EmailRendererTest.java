package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.notification.TestEvents;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.domain.PlannedEmail;
import org.junit.jupiter.api.Test;

/** N3: readable template files, text and HTML, with the details T4 promises. */
class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void theConsentRequestShowsEveryDetailInTextAndHtml() {
        PlannedEmail email = EmailPlanner.plan(TestEvents.opened("ev-1", "E-42")).get(3);
        EmailRenderer.Rendered body = renderer.render(email);

        assertThat(body.text()).contains("Hello New Reseller,", "as the new reseller", "Change of reseller",
                "Entitlement:           E-42", "Offer:                 O-1", "From billing account:  BA-1",
                "To billing account:    BA-2", "From reseller:         R-1", "To reseller:           R-2",
                "  - customer: Acme <Ltd>", "T-ev-1");
        assertThat(body.html()).contains("<td>E-42</td>", "<td>Change of reseller</td>", "<td>R-2</td>")
                .contains("Acme &lt;Ltd&gt;").doesNotContain("Acme <Ltd>");
    }
}
