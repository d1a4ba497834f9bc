package io.channelhub.discount.web;

import io.channelhub.discount.state.Discount;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.discount.stream.DiscountTopology;
import io.channelhub.platform.security.Caller;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discounts over HTTP: an ISV's (with its notes) and those offered through a reseller (without). Books are keyed
 * {@code <isvId>|<resellerId>}, so either list is spread over every partition: each instance answers for its own
 * and the asked instance gathers the others' (scatter-gather), or says that it cannot. Each list is its party's
 * own (and any operator's): the path names the party, so asking for another's is plainly refused (403).
 */
@RestController
class DiscountQueryController {

    private static final TypeReference<List<DiscountViews.IsvDiscount>> ISV_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<DiscountViews.ResellerDiscount>> RESELLER_LIST = new TypeReference<>() {
    };

    private final StoreLocator stores;
    private final PeerForwarder forwarder;
    private final JsonMapper json;

    DiscountQueryController(StoreLocator stores, PeerForwarder forwarder, JsonMapper json) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.json = json;
    }

    @GetMapping("/isvs/{isvId}/discounts")
    List<DiscountViews.IsvDiscount> ofIsv(@PathVariable String isvId, Caller caller, HttpServletRequest request) {
        if (!caller.mayRead(Party.isv(isvId))) {
            throw Problems.forbidden("Only the ISV itself sees its discounts and their notes.");
        }
        return forwarder.everywhere(local(key -> key.startsWith(isvId + "|"), DiscountViews.IsvDiscount::of),
                stores::otherInstances, request, "the discounts of ISV " + isvId,
                body -> json.readValue(body, ISV_LIST), Comparator.comparing(DiscountViews.IsvDiscount::proposedAt)
                        .thenComparing(DiscountViews.IsvDiscount::discountId));
    }

    @GetMapping("/resellers/{resellerId}/discounts")
    List<DiscountViews.ResellerDiscount> ofReseller(@PathVariable String resellerId, Caller caller,
            HttpServletRequest request) {
        if (!caller.mayRead(Party.reseller(resellerId))) {
            throw Problems.forbidden("Only the reseller itself sees the discounts offered through it.");
        }
        return forwarder.everywhere(local(key -> key.endsWith("|" + resellerId),
                        DiscountViews.ResellerDiscount::of), stores::otherInstances, request,
                "the discounts offered through reseller " + resellerId, body -> json.readValue(body, RESELLER_LIST),
                Comparator.comparing(DiscountViews.ResellerDiscount::startsAt)
                        .thenComparing(DiscountViews.ResellerDiscount::discountId));
    }

    /** Every discount in this instance's books whose key matches; a scan, as the keys lead with the ISV. */
    private <V> List<V> local(Predicate<String> key, Function<Discount, V> view) {
        List<V> found = new ArrayList<>();
        try (var all = stores.<DiscountBook>local(DiscountTopology.BOOKS_STORE).all()) {
            all.forEachRemaining(entry -> {
                if (key.test(entry.key)) {
                    entry.value.getDiscounts().forEach(d -> found.add(view.apply(d)));
                }
            });
        }
        return found;
    }
}
