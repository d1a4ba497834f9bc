package io.channelhub.billing.web;

import io.channelhub.billing.domain.reseller.CustomerView;
import io.channelhub.billing.domain.reseller.EndCustomer;
import io.channelhub.billing.domain.reseller.ResellerAccount;
import io.channelhub.billing.domain.reseller.ResellerOrder;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.platform.security.Caller;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reseller programme orders over HTTP (issue 10). The reseller reads its own orders with their money (R2–R6)
 * from the instance that holds its account. An end customer reads the orders shipped to it by any reseller as R7
 * allows, {@link CustomerView}: order, SKUs, quantities and licence keys, never a price. Each list is its party's
 * own and any operator's: the path names the party, so another caller is refused (403).
 */
@RestController
class OrderController {

    private static final TypeReference<List<CustomerView>> CUSTOMER_ORDERS = new TypeReference<>() {
    };
    private static final StringSerializer KEYS = new StringSerializer();

    private final StoreLocator stores;
    private final PeerForwarder forwarder;
    private final JsonMapper json;

    OrderController(StoreLocator stores, PeerForwarder forwarder, JsonMapper json) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.json = json;
    }

    @GetMapping("/resellers/{resellerId}/orders")
    ResponseEntity<?> ofReseller(@PathVariable String resellerId, Caller caller, HttpServletRequest request) {
        if (!caller.mayRead(Party.reseller(resellerId))) {
            throw Problems.forbidden("Only the reseller itself sees its orders.");
        }
        StoreLocator.Location<ResellerAccount> location = stores.locate(BillingTopology.RESELLER_ACCOUNTS_STORE,
                resellerId, PeerForwarder.isForwarded(request));
        return forwarder.answer(location, request, "the orders of reseller " + resellerId, account -> {
            if (account == null) {
                throw Problems.notFound("NO_RESELLER_ACCOUNT", "Not in the reseller programme", "Reseller "
                        + resellerId + " has no reseller programme account.");
            }
            return ResponseEntity.ok(account.orders().stream().map(ResellerOrderView::of).toList());
        });
    }

    /**
     * The customer's orders, matched by e-mail as R2 ships them: the contact e-mails of the customer's billing
     * accounts in the directory. Reseller accounts are spread over every partition, so each instance answers for
     * its own and the asked instance gathers the others' (scatter-gather), or says that it cannot.
     */
    @GetMapping("/customers/{customerId}/orders")
    List<CustomerView> ofCustomer(@PathVariable String customerId, Caller caller, HttpServletRequest request) {
        if (!caller.mayRead(Party.customer(customerId))) {
            throw Problems.forbidden("Only the customer itself sees the orders shipped to it.");
        }
        Set<String> emails = contactEmails(customerId);
        if (emails.isEmpty()) {
            return List.of(); // the directory is global: every instance would find no e-mail either
        }
        List<CustomerView> found = new ArrayList<>();
        try (var all = stores.<ResellerAccount>local(BillingTopology.RESELLER_ACCOUNTS_STORE).all()) {
            all.forEachRemaining(entry -> {
                for (ResellerOrder order : entry.value.orders()) {
                    if (emails.contains(order.shipTo().accountKey())) {
                        found.add(order.customerView());
                    }
                }
            });
        }
        return forwarder.everywhere(found, stores::otherInstances, request,
                "the orders shipped to customer " + customerId, body -> json.readValue(body, CUSTOMER_ORDERS),
                Comparator.comparing(CustomerView::orderId));
    }

    /** As {@link EndCustomer#accountKey()} normalises them, so the two sides compare. */
    private Set<String> contactEmails(String customerId) {
        Set<String> emails = new HashSet<>();
        try (var accounts = stores.<SpecificRecord>local(BillingTopology.DIRECTORY_STORE)
                .prefixScan("account:", KEYS)) {
            accounts.forEachRemaining(entry -> {
                if (entry.value instanceof BillingAccountRegistered account
                        && customerId.equals(account.getCustomerId())) {
                    emails.add(new EndCustomer(account.getCustomerName(), account.getContactEmail()).accountKey());
                }
            });
        }
        return emails;
    }
}
