package dev.mcpgateway.auth.token;

/** A token response's content; {@code refreshToken} is null when none is issued (client credentials). */
public record IssuedTokens(String accessToken, long expiresInSeconds, String refreshToken, String scope) {

    @Override
    public String toString() {
        return "IssuedTokens[scope=" + scope + ", expiresIn=" + expiresInSeconds + "]";
    }
}
