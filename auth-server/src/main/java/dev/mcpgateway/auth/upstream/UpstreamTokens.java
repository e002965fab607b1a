package dev.mcpgateway.auth.upstream;

/**
 * The provider's tokens for a user, kept server-side (for on-behalf-of calls to backends); never sent to MCP
 * clients. {@code toString} hides them so they cannot reach a log.
 */
public record UpstreamTokens(String accessToken, String refreshToken, String idToken, long expiresInSeconds,
                             long obtainedAtEpochSecond) {

    /** True once the access token is within a minute of expiry (unknown lifetimes count as one hour). */
    public boolean staleAt(java.time.Instant now) {
        long lifetime = expiresInSeconds > 0 ? expiresInSeconds : 3600;
        return now.getEpochSecond() >= obtainedAtEpochSecond + lifetime - 60;
    }

    @Override
    public String toString() {
        return "UpstreamTokens[***]";
    }
}
