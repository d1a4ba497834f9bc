package io.channelhub.schemas.registry;

/** The registry refused a schema: it breaks the subject's compatibility level with a registered version. */
public final class IncompatibleSchemaException extends SchemaRegistryException {

    public IncompatibleSchemaException(String message) {
        super(message);
    }
}
