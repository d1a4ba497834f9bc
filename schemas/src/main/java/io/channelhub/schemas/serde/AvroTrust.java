package io.channelhub.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/** Avro 1.12 refuses to instantiate classes of packages it does not trust; ours are trusted once, here. */
final class AvroTrust {
    private AvroTrust() {
    }

    static {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                c -> c.getPackageName().startsWith("io.channelhub.")));
    }

    /** Loading this class installs the rule; calling it makes sure it is loaded. */
    static void ensure() {
    }
}
