package io.channelhub.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * X1: the size limit of every string and collection an input may carry, by field name, so no input (nor anything
 * derived from it) can grow past a record's size. docs/events.md lists the same table (a test keeps them equal).
 * An input over a limit is refused at the door, before any decider sees it.
 */
public final class InputLimits {

    /** A field over its limit: its path, the limit and what it had (characters, or items). */
    public record Violation(String field, int limit, int actual) {
        @Override
        public String toString() {
            return field + " has " + actual + " (limit " + limit + ")";
        }
    }

    /** Characters of a record key (ids joined: {@code <isvId>|<resellerId>}). */
    public static final int KEY = 300;
    /** Characters of ids, codes, SKUs, currencies, months and every string not named below. */
    public static final int ID = 128;
    /** Characters of a person's or company's name. */
    public static final int NAME = 200;
    /** Characters of an e-mail address (RFC 5321's path limit). */
    public static final int EMAIL = 254;
    /** Characters of free text: notes, details, messages, reasons. */
    public static final int TEXT = 2_000;
    /** Items of a list or map. */
    public static final int ITEMS = 100;

    static final Set<String> NAMES = Set.of("customerCompanyName", "contactName", "customerName", "isvName",
            "payerName", "resellerName", "name", "toName", "offerName", "productName", "displayName");
    static final Set<String> EMAILS = Set.of("contactEmail", "customerEmail", "email", "isvEmail", "payerEmail",
            "resellerEmail", "toAddress");
    static final Set<String> TEXTS = Set.of("privateNotes", "detail", "message", "reason", "holdReason", "error");

    private InputLimits() {
    }

    /** The limit of a string field, by its name. */
    public static int stringLimit(String field) {
        if (NAMES.contains(field)) {
            return NAME;
        }
        if (EMAILS.contains(field)) {
            return EMAIL;
        }
        return TEXTS.contains(field) ? TEXT : ID;
    }

    /** Every field of {@code event} (and the key) over its limit; empty when the input is within every limit. */
    public static List<Violation> check(String key, IndexedRecord event) {
        List<Violation> violations = new ArrayList<>();
        if (key != null && key.length() > KEY) {
            violations.add(new Violation("(key)", KEY, key.length()));
        }
        walk(event, "", violations);
        return violations;
    }

    private static void walk(IndexedRecord record, String prefix, List<Violation> violations) {
        for (Schema.Field field : record.getSchema().getFields()) {
            value(record.get(field.pos()), field.name(), prefix + field.name(), violations);
        }
    }

    private static void value(Object value, String name, String path, List<Violation> violations) {
        if (value instanceof CharSequence text) {
            int limit = stringLimit(name);
            if (text.length() > limit) {
                violations.add(new Violation(path, limit, text.length()));
            }
        } else if (value instanceof IndexedRecord nested) {
            walk(nested, path + ".", violations);
        } else if (value instanceof Collection<?> items) {
            if (items.size() > ITEMS) {
                violations.add(new Violation(path, ITEMS, items.size()));
                return;
            }
            int i = 0;
            for (Object item : items) {
                value(item, name, path + "[" + i++ + "]", violations);
            }
        } else if (value instanceof Map<?, ?> map) {
            if (map.size() > ITEMS) {
                violations.add(new Violation(path, ITEMS, map.size()));
                return;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                value(entry.getKey(), name, path + "(key)", violations);
                value(entry.getValue(), name, path + "[…]", violations);
            }
        }
    }
}
