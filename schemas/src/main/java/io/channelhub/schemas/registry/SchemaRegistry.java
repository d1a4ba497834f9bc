package io.channelhub.schemas.registry;

import org.apache.avro.Schema;

/**
 * A schema registry as the Confluent wire format needs one: writer schemas by id, ids by subject and schema. The
 * ids are the registry's, so every process that writes or reads a topic must use the same registry.
 */
public interface SchemaRegistry {

    /**
     * Registers the schema under the subject (a no-op answering the existing id when it is already there) and
     * answers its id.
     *
     * @throws IncompatibleSchemaException when the subject's compatibility level refuses it
     */
    int register(String subject, Schema schema);

    /** The writer schema of an id; ids never change their schema, so callers may cache the answer. */
    Schema schemaById(int id);

    /** Sets the subject's compatibility level, which the registry enforces on every later registration. */
    void setCompatibility(String subject, Compatibility level);

    /** Where it is, for messages and for clients to be pointed at. */
    String location();

    /** The levels the Confluent API knows; Channel Hub uses one of them (see {@link EventSubjects}). */
    enum Compatibility {
        BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE
    }
}
