package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.harness.LocalTokens;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.SessionOwnership;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.auth.resource.TokenPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checklist 14: the token is checked on every request (a token revoked mid-session stops working at once), a
 * session id is never authentication, and another user's session is refused.
 */
class Item14TokenOnEveryRequestTest {

    private final LocalTokens tokens = new LocalTokens();
    private final AccessTokenValidator validator = tokens.validator();
    private final SessionOwnership sessions = new SessionOwnership();

    @Test
    void anotherUsersTokenCannotUseTheSession() {
        TokenPrincipal alice = accepted(tokens.token("alice", LocalTokens.WEATHER, List.of("mcp:weather")));
        TokenPrincipal bob = accepted(tokens.token("bob", LocalTokens.WEATHER, List.of("mcp:weather")));
        sessions.bind("session-1", alice);
        assertTrue(sessions.isOwnedBy("session-1", alice));
        assertFalse(sessions.isOwnedBy("session-1", bob));
        assertFalse(sessions.isOwnedBy("session-unknown", alice));
    }

    @Test
    void aSessionIdWithoutATokenIsNotAuthentication() {
        TokenPrincipal alice = accepted(tokens.token("alice", LocalTokens.WEATHER, List.of("mcp:weather")));
        sessions.bind("session-1", alice);
        assertInstanceOf(TokenCheck.Unauthenticated.class, validator.check(null, LocalTokens.WEATHER, List.of()));
    }

    @Test
    void aTokenRevokedMidSessionIsRefusedOnTheNextRequest() throws Exception {
        String token = tokens.token("alice", LocalTokens.WEATHER, List.of("mcp:weather"));
        accepted(token);
        tokens.revocations.revokeAccessToken(SignedJWT.parse(token).getJWTClaimsSet().getJWTID());
        assertInstanceOf(TokenCheck.Unauthenticated.class,
                validator.check("Bearer " + token, LocalTokens.WEATHER, List.of("mcp:weather")));
    }

    @Test
    void aRevokedGrantFamilyStopsItsAccessTokens() {
        String token = tokens.token("carol", LocalTokens.WEATHER, List.of("mcp:weather"));
        tokens.revocations.revokeFamily("fam-carol");
        assertInstanceOf(TokenCheck.Unauthenticated.class,
                validator.check("Bearer " + token, LocalTokens.WEATHER, List.of()));
    }

    private TokenPrincipal accepted(String token) {
        return assertInstanceOf(TokenCheck.Accepted.class,
                validator.check("Bearer " + token, LocalTokens.WEATHER, List.of("mcp:weather"))).principal();
    }
}
