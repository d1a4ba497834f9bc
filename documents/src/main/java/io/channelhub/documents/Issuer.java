package io.channelhub.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.Objects;

/**
 * Who issues the documents: the marketplace, from configuration ({@code channelhub.issuer.*} in billing-service),
 * with the bank account a wire transfer goes to (R3). {@code id} keys its number series.
 */
public record Issuer(String id, String name, List<String> address, String taxId, String bank, String iban,
                     String bic) {

    public Issuer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        address = List.copyOf(address);
    }

    /** The issuer of {@code channelhub-issuer.properties}, each key overridden by {@code overrides} when set there. */
    public static Issuer configured(Properties overrides) {
        Properties values = new Properties();
        try (InputStream in = Issuer.class.getResourceAsStream("/channelhub-issuer.properties")) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        values.putAll(overrides);
        return new Issuer(values.getProperty("id"), values.getProperty("name"),
                List.of(values.getProperty("address").split("\\|")), values.getProperty("taxId"),
                values.getProperty("bank"), values.getProperty("iban"), values.getProperty("bic"));
    }

    Document.Party party() {
        return new Document.Party(name, taxId == null ? null : "VAT " + taxId, address);
    }
}
