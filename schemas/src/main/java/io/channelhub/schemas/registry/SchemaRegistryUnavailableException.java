package io.channelhub.schemas.registry;

/**
 * The registry could not be reached or kept failing: an outage, not a bad record. Whoever processes a record when
 * this happens should retry it later rather than dead-letter it.
 */
public final class SchemaRegistryUnavailableException extends SchemaRegistryException {

    public SchemaRegistryUnavailableException(String message) {
        super(message);
    }
}
