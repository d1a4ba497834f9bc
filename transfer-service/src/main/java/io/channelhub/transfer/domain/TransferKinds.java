package io.channelhub.transfer.domain;

import io.channelhub.platform.directory.Directory;
import io.channelhub.transfer.event.TransferKind;

/** T1/T2: the kind of a transfer follows from the resellers of the current and the target billing account. */
public final class TransferKinds {
    private TransferKinds() {
    }

    public static TransferKind of(Directory.BillingAccount from, Directory.BillingAccount to) {
        if (from.direct()) {
            return to.direct() ? TransferKind.CHANGE_BILLING_ACCOUNT : TransferKind.DIRECT_TO_RESELLER;
        }
        if (to.direct()) {
            return TransferKind.RESELLER_TO_DIRECT;
        }
        return from.resellerId().equals(to.resellerId()) ? TransferKind.CHANGE_BILLING_ACCOUNT
                : TransferKind.CHANGE_RESELLER;
    }
}
