package dev.mcpgateway.auth.obo;

import java.time.Instant;

/** A token for a backend, obtained for one user; {@code toString} hides the value so it never reaches a log. */
public record BackendToken(String value, Instant expiresAt) {

    public boolean freshAt(Instant now) {
        // refresh a minute early so a token never expires in flight
        return expiresAt.minusSeconds(60).isAfter(now);
    }

    @Override
    public String toString() {
        return "BackendToken[expiresAt=" + expiresAt + "]";
    }
}
