package io.channelhub.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23 (D-100): whether a JSON answer writes money the one way, wherever it is in the tree. Money is an object
 * {@code {"amount":"<decimal>","currency":"<ISO 4217>"}} with the amount a string at exactly the currency's scale; a
 * decimal number anywhere is a fault unless its field names a percentage; an amount in text ("899.10 EUR", a
 * problem's detail) has the currency's scale too. Integers (counts, sequence numbers) are not money. An object whose
 * {@code amount} is a value is taken for money; a field named {@code amount} may hold money.
 */
public final class MoneyInJson {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern IN_TEXT = Pattern.compile("(?<![\\w.-])(-?\\d+(?:\\.\\d+)?) ([A-Z]{3})\\b");
    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(java.util.stream.Collectors.toSet());

    private MoneyInJson() {
    }

    /** Fails, naming each place, where {@code json} writes money another way. */
    public static void assertOneWay(String what, JsonNode json) {
        assertThat(faults(json)).as("money in " + what).isEmpty();
    }

    /** Each place money is written another way, as "path: what is wrong". */
    public static List<String> faults(JsonNode json) {
        List<String> faults = new ArrayList<>();
        walk("$", "", json, faults);
        return faults;
    }

    private static void walk(String path, String field, JsonNode node, List<String> faults) {
        if (node.isObject() && node.has("amount") && node.get("amount").isValueNode()) {
            money(path, node, faults);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                walk(path + "." + property.getKey(), property.getKey(), property.getValue(), faults);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", field, node.get(i), faults);
            }
        } else if (node.isNumber() && !node.isIntegralNumber() && !field.toLowerCase().endsWith("percent")) {
            faults.add(path + ": a bare number " + node);
        } else if (node.isString()) {
            Matcher inText = IN_TEXT.matcher(node.asString());
            while (inText.find()) {
                if (CODES.contains(inText.group(2)) && !atScale(inText.group(1), inText.group(2))) {
                    faults.add(path + ": \"" + inText.group() + "\" not at the currency's scale");
                }
            }
        }
    }

    private static void money(String path, JsonNode node, List<String> faults) {
        JsonNode amount = node.get("amount");
        JsonNode currency = node.get("currency");
        if (node.size() != 2 || currency == null || !currency.isString() || !CODES.contains(currency.asString())) {
            faults.add(path + ": money is exactly an amount and an ISO 4217 currency, not " + node);
        } else if (!amount.isString() || !DECIMAL.matcher(amount.asString()).matches()) {
            faults.add(path + ".amount: not a decimal string: " + amount);
        } else if (!atScale(amount.asString(), currency.asString())) {
            faults.add(path + ".amount: " + amount + " not at the scale of " + currency.asString());
        }
    }

    private static boolean atScale(String decimal, String currency) {
        int dot = decimal.indexOf('.');
        int scale = dot < 0 ? 0 : decimal.length() - dot - 1;
        return scale == Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
