package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What happens to a reseller; {@link ResellerDecider} decides. */
public sealed interface ResellerCommand {

    /** R1: joins the programme at the default discount; consultancies are refused. */
    record Register(String resellerId, String name, String email, String country, String usState,
                    BusinessType businessType) implements ResellerCommand {
    }

    /** R1: the reseller's own discount, for orders placed from now on. */
    record SetDiscount(BigDecimal percent) implements ResellerCommand {
    }

    /** R6: a US reseller's exemption certificate; it replaces any earlier one. */
    record FileExemptionCertificate(String certificateId, LocalDate expiresOn) implements ResellerCommand {
    }

    /** R2: an order for an end customer, priced, taxed (R6) and released or held (R4, R5) at once. */
    record PlaceOrder(String orderId, String customerName, String customerEmail, List<OrderLine> lines)
            implements ResellerCommand {
        public PlaceOrder {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** R4: a temporary licence for a held, unpaid order. */
    record RequestTemporaryLicence(String orderId) implements ResellerCommand {
    }

    /** R3, R5: a payment received for one order. */
    record RecordPayment(String orderId, PaymentMethod method, Money amount) implements ResellerCommand {
    }

    /** R5: the first day of {@code month} (UTC) has come: statement time. */
    record MonthStarted(YearMonth month) implements ResellerCommand {
    }
}
