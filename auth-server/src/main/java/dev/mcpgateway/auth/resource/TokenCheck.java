package dev.mcpgateway.auth.resource;

import java.util.List;

/** The outcome of checking a bearer token for one request: a value the transport turns into 200, 401 or 403. */
public sealed interface TokenCheck {

    /** The token is good and carries every required scope. */
    record Accepted(TokenPrincipal principal) implements TokenCheck {
    }

    /**
     * 401: no token, or one we cannot accept. {@code reason} is for our logs only (never the client): RFC 6750
     * keeps {@code error_description} generic so probing learns nothing.
     */
    record Unauthenticated(boolean tokenPresented, String reason) implements TokenCheck {
    }

    /** 403 {@code insufficient_scope}: a valid token without the scopes this request needs (step-up). */
    record InsufficientScope(TokenPrincipal principal, List<String> requiredScopes) implements TokenCheck {
    }
}
