package dev.mcpgateway.auth.token;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.mcpgateway.auth.store.Hashing;

/** PKCE with S256 only (RFC 7636; OAuth 2.1 forbids nothing but we refuse {@code plain} anyway: checklist 18). */
public final class Pkce {

    private Pkce() {
    }

    public static boolean verifies(String verifier, String challenge) {
        if (verifier == null || challenge == null) {
            return false;
        }
        try {
            String computed = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue();
            return Hashing.constantTimeEquals(computed, challenge);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A challenge is 43 base64url characters: the SHA-256 of a verifier. */
    public static boolean isWellFormedS256Challenge(String challenge) {
        return challenge != null && challenge.matches("[A-Za-z0-9_-]{43}");
    }
}
