package io.channelhub.localstack;

import io.channelhub.platform.security.DevTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local stack's data directory: broker logs and the services' Streams state, kept across restarts. A marker
 * file proves a directory is ours before {@code --wipe} deletes it, so a mistyped {@code --data-dir} cannot
 * erase someone's home directory.
 */
public final class DataDirectory {

    static final String MARKER = ".channelhub-local-stack";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** Creates the directory (after deleting it when {@code wipe}) and marks it as ours. */
    public static DataDirectory prepare(Path dir, boolean wipe) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            if (wipe && Files.exists(root)) {
                delete(root);
            }
            Files.createDirectories(root);
            requireOursOrEmpty(root);
            if (!Files.exists(root.resolve(MARKER))) {
                Files.writeString(root.resolve(MARKER), "Data of the Channel Hub local stack; --wipe deletes it.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare data directory " + root, e);
        }
        return new DataDirectory(root);
    }

    public Path root() {
        return root;
    }

    /** Where the broker, the SMTP server and the services log (logback.xml); --wipe deletes it with the rest. */
    public Path logFile() {
        return root.resolve("logs").resolve("local-stack.log");
    }

    /** The broker's log and metadata directory. */
    public Path kafka() {
        return root.resolve("kafka");
    }

    /** Kafka Streams state of one service (RocksDB stores, checkpoints). */
    public Path streamsState(String service) {
        return root.resolve("state").resolve(service);
    }

    /**
     * The approval-link signing key of this stack: generated at first start, kept with the data so links in
     * e-mails already sent keep working after a restart; never in the repository.
     */
    public String approvalKey() {
        Path file = root.resolve("approval.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /**
     * The stack's stand-in identity provider: an RSA key pair generated at first start and kept with the data,
     * so tokens printed by {@code token} stay valid across restarts; the services trust its public key.
     */
    public DevTokenIssuer tokenIssuer() {
        return DevTokenIssuer.inDirectory(tokenIssuerDirectory());
    }

    /**
     * The issuer's public key as the services' {@code spring.security.oauth2.resourceserver.jwt.public-key-location}
     * (a file: URI), the issuer created first if need be.
     */
    public String tokenIssuerPublicKey() {
        tokenIssuer();
        return tokenIssuerDirectory().resolve("public.pem").toUri().toString();
    }

    private Path tokenIssuerDirectory() {
        return root.resolve("token-issuer");
    }

    private static void delete(Path root) throws IOException {
        requireOursOrEmpty(root);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void requireOursOrEmpty(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            if (!Files.exists(root.resolve(MARKER)) && entries.findAny().isPresent()) {
                throw new IllegalStateException(root + " is not empty and was not created by the local stack ("
                        + MARKER + " missing); refusing to use or wipe it");
            }
        }
    }
}
