package dev.mcpgateway.llm.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The SHA-256 of a subscription key: what the key index holds instead of the key, so that the index gives no key
 * away. Compared in constant time, like the keys themselves.
 */
final class KeyHash {

    private final byte[] digest;
    private final int hash;

    private KeyHash(byte[] digest) {
        this.digest = digest;
        this.hash = Arrays.hashCode(digest);
    }

    static KeyHash of(String key) {
        try {
            return new KeyHash(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyHash that && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "KeyHash[hidden]";
    }
}
