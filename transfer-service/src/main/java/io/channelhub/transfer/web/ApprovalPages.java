package io.channelhub.transfer.web;

import static io.channelhub.platform.web.DecisionPages.e;

import io.channelhub.platform.web.DecisionPages;
import io.channelhub.transfer.event.ConsentDecision;
import java.util.Locale;

/** The two small pages a party sees in the browser ({@link DecisionPages}). */
final class ApprovalPages {

    private ApprovalPages() {
    }

    /**
     * What the link will do, and a button that does it. The form posts to the token itself, relative to
     * /approvals/, so the page works behind any path prefix.
     */
    static String confirmation(ApprovalLink link) {
        String verb = verb(link.decision());
        String title = verb + " the transfer of entitlement " + link.entitlementId() + "?";
        String body = """
                <p>Transfer <strong>%s</strong> of entitlement <strong>%s</strong>.</p>
                <p>You answer as the <strong>%s</strong> (%s). Your answer: <strong>%s</strong>.</p>
                <p>Nothing is recorded until you press the button. A decision, once recorded, stands.</p>
                <form method="post" action="%s"><button type="submit">%s the transfer</button></form>
                """.formatted(e(link.transferId()), e(link.entitlementId()), e(role(link)), e(link.partyId()),
                e(link.decision().name()), e(link.token()), e(verb));
        return DecisionPages.page(title, body);
    }

    static String submitted(ApprovalLink link) {
        String title = "Thank you";
        String body = """
                <p>Your decision (<strong>%s</strong>) on transfer <strong>%s</strong> of entitlement \
                <strong>%s</strong>, as the %s, has been submitted.</p>
                <p>Every party is e-mailed when the transfer completes, is rejected, or expires.</p>
                """.formatted(e(link.decision().name()), e(link.transferId()), e(link.entitlementId()),
                e(role(link)));
        return DecisionPages.page(title, body);
    }

    private static String verb(ConsentDecision decision) {
        return decision == ConsentDecision.APPROVE ? "Approve" : "Reject";
    }

    private static String role(ApprovalLink link) {
        return link.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
