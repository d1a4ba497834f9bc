package io.channelhub.ops;

/** Events as an operator would type them: complete Avro JSON, unions spelled out. */
final class AvroJsonSamples {
    private AvroJsonSamples() {
    }

    static final long OCCURRED_AT = 1_763_000_000_000L;

    static String meta(String eventId) {
        return """
                {"eventId": "%s", "causationId": null, "correlationId": {"string": "flow-1"},
                 "occurredAt": %d, "producer": "isv-portal"}""".formatted(eventId, OCCURRED_AT);
    }

    /** A TransferRequested without its "meta" field, for --new-meta. */
    static String transferRequestedBody(String entitlementId) {
        return """
                "customerCompanyName": {"string": "Acme GmbH"}, "entitlementId": {"string": "%s"},
                "offerId": {"string": "offer-7"}, "currentBillingAccountId": {"string": "BA-1"},
                "targetBillingAccountId": {"string": "BA-2"}, "contactName": null,
                "contactEmail": {"string": "ops@acme.example"},
                "kind": {"io.channelhub.transfer.event.TransferKind": "CHANGE_BILLING_ACCOUNT"}"""
                .formatted(entitlementId);
    }

    static String transferRequested(String eventId, String entitlementId) {
        return "{\"meta\": " + meta(eventId) + ", " + transferRequestedBody(entitlementId) + "}";
    }

    /** One line of a --file: the envelope fields given (e.g. {@code "key": "K"}) and the event. */
    static String line(String envelopeFields, String eventJson) {
        return ("{" + envelopeFields + (envelopeFields.isEmpty() ? "" : ", ") + "\"event\": " + eventJson + "}")
                .replace('\n', ' ');
    }
}
