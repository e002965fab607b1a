package dev.mcpgateway.auth.token;

/** Either tokens or an error: what the token endpoint renders. */
public record TokenOutcome(IssuedTokens tokens, TokenError error) {

    public static TokenOutcome issued(IssuedTokens tokens) {
        return new TokenOutcome(tokens, null);
    }

    public static TokenOutcome refused(com.nimbusds.oauth2.sdk.ErrorObject error, String description) {
        return new TokenOutcome(null, new TokenError(error, description));
    }
}
