package dev.mcpgateway.llm.backend;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/** A credential or key whose text never reaches a log: {@link #toString()} hides it. */
public record Secret(String value) {

    public Secret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret is not empty");
        }
    }

    /** Compares in constant time, so that response timing does not reveal how much of a key matched. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
