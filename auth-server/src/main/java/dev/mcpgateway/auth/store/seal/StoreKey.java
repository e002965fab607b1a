package dev.mcpgateway.auth.store.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that seals the store's secrets. Given in configuration (base64 of 32 bytes, e.g.
 * {@code openssl rand -base64 32}) or generated once and kept owner-only in a file under the data directory.
 * {@link #toString()} hides it.
 */
public final class StoreKey {

    public static final String FILE_NAME = "store.key";
    private static final int BYTES = 32;

    private final SecretKey key;
    private final String origin;

    private StoreKey(byte[] bytes, String origin) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.origin = origin;
    }

    /** The configured key; the message of the exception never contains the value. */
    public static StoreKey configured(String base64, String settingName) {
        byte[] bytes;
        try {
            String text = base64.strip();
            bytes = text.contains("-") || text.contains("_")
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settingName + " is not base64 (make one with: openssl rand -base64 32)");
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException(settingName + " must be 32 bytes, base64-encoded (" + bytes.length
                    + " given; make one with: openssl rand -base64 32)");
        }
        return new StoreKey(bytes, settingName);
    }

    /** The key in {@code dir/store.key}, made (owner-only, atomically) when there is none yet; {@code created} says which. */
    static StoreKey fromFile(Path dir, boolean[] created) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Files.createDirectories(dir);
        if (!Files.exists(file)) {
            byte[] fresh = new byte[BYTES];
            new SecureRandom().nextBytes(fresh);
            try {
                create(file, Base64.getEncoder().encodeToString(fresh));
                created[0] = true;
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use theirs
            }
        }
        return configured(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    private static void create(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    SecretKey secretKey() {
        return key;
    }

    /** Where the key came from (the setting's name or the file's path), for start-up messages. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "StoreKey[hidden, from " + origin + "]";
    }
}
