package dev.mcpgateway.auth.upstream;

/**
 * The provider's tokens for a user, kept server-side (for on-behalf-of calls to backends); never sent to MCP
 * clients. {@code toString} hides them so they cannot reach a log.
 */
public record UpstreamTokens(String accessToken, String refreshToken, String idToken, long expiresInSeconds) {

    @Override
    public String toString() {
        return "UpstreamTokens[***]";
    }
}
