package dev.mcpgateway.auth.backend;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential value. It is deliberately not a record: {@link #toString()} never shows the value, so a secret that
 * ends up in a log line, an exception message or a debugger view stays hidden. Only {@link #reveal()} gives it out,
 * and only the code that puts it on the wire calls that.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The clear value, for the one place that sends it to a backend. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        // constant-time, so comparing secrets (e.g. admin keys) does not leak their prefix through timing
        return other instanceof Secret that && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
