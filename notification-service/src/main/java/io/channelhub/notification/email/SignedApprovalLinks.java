package io.channelhub.notification.email;

import io.channelhub.discount.event.DiscountTerms;
import io.channelhub.notification.domain.ApprovalLinks;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.schemas.Keys;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.TransferDetails;
import java.time.Instant;

/**
 * Decision links to the deciding service's endpoint, each with a token only this deployment's key can make, and
 * only for its purpose: a transfer approval link does not accept a discount.
 */
public final class SignedApprovalLinks implements ApprovalLinks {

    private final ApprovalTokens transferTokens;
    private final ApprovalTokens discountTokens;
    private final String transfersBaseUrl;
    private final String discountsBaseUrl;

    public SignedApprovalLinks(String key, String transfersBaseUrl, String discountsBaseUrl) {
        this.transferTokens = new ApprovalTokens(key, ApprovalTokens.TRANSFERS);
        this.discountTokens = new ApprovalTokens(key, ApprovalTokens.DISCOUNTS);
        this.transfersBaseUrl = withoutTrailingSlash(transfersBaseUrl);
        this.discountsBaseUrl = withoutTrailingSlash(discountsBaseUrl);
    }

    @Override
    public String link(TransferDetails transfer, Party party, ConsentDecision decision, Instant expiresAt) {
        return transfersBaseUrl + "/approvals/" + transferTokens.sign(new ApprovalTokens.Claim(
                transfer.getTransferId(), transfer.getEntitlementId(), party.getRole().name(), party.getPartyId(),
                decision.name(), expiresAt));
    }

    @Override
    public String acceptDiscount(DiscountTerms discount) {
        return discountsBaseUrl + "/acceptances/" + discountTokens.sign(new ApprovalTokens.Claim(
                discount.getDiscountId(), Keys.discounts(discount.getIsvId(), discount.getResellerId()), "RESELLER",
                discount.getResellerId(), "ACCEPT", discount.getStartsAt()));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
