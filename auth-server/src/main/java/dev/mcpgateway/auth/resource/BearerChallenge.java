package dev.mcpgateway.auth.resource;

import java.util.List;

/**
 * {@code WWW-Authenticate} values for 401 and 403 (RFC 6750 3, RFC 9728 5.1; checklist items 12 and 13). The
 * {@code resource_metadata} parameter is how MCP clients discover the authorization server; {@code scope} tells
 * them what to ask for (and, on 403, what to step up to).
 */
public final class BearerChallenge {

    private BearerChallenge() {
    }

    /** 401 for a request with no token: no error code (RFC 6750 3.1). */
    public static String missingToken(String resourceMetadataUrl, List<String> scopes) {
        return "Bearer resource_metadata=\"" + quote(resourceMetadataUrl) + "\"" + scopeParam(scopes);
    }

    /** 401 for a token we do not accept; the description stays generic. */
    public static String invalidToken(String resourceMetadataUrl, List<String> scopes) {
        return "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\", "
                + "resource_metadata=\"" + quote(resourceMetadataUrl) + "\"" + scopeParam(scopes);
    }

    /** 403 for a valid token lacking scopes: names every scope needed so the client can step up in one go. */
    public static String insufficientScope(String resourceMetadataUrl, List<String> requiredScopes) {
        return "Bearer error=\"insufficient_scope\"" + scopeParam(requiredScopes)
                + ", resource_metadata=\"" + quote(resourceMetadataUrl) + "\"";
    }

    /** The right challenge for a failed {@link TokenCheck}, null when the check passed. */
    public static String forCheck(TokenCheck check, String resourceMetadataUrl, List<String> resourceScopes) {
        return switch (check) {
            case TokenCheck.Accepted accepted -> null;
            case TokenCheck.Unauthenticated u -> u.tokenPresented()
                    ? invalidToken(resourceMetadataUrl, resourceScopes)
                    : missingToken(resourceMetadataUrl, resourceScopes);
            case TokenCheck.InsufficientScope s -> insufficientScope(resourceMetadataUrl, s.requiredScopes());
        };
    }

    /** The HTTP status for a failed check: 401 or 403; 200 when it passed. */
    public static int statusFor(TokenCheck check) {
        return switch (check) {
            case TokenCheck.Accepted accepted -> 200;
            case TokenCheck.Unauthenticated u -> 401;
            case TokenCheck.InsufficientScope s -> 403;
        };
    }

    private static String scopeParam(List<String> scopes) {
        return scopes == null || scopes.isEmpty() ? "" : ", scope=\"" + quote(String.join(" ", scopes)) + "\"";
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
