package dev.mcpgateway.auth.token;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import dev.mcpgateway.auth.client.RegisteredClient;
import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import dev.mcpgateway.auth.store.Hashing;
import java.util.Map;
import java.util.Optional;

/**
 * The grants of the token endpoint, for an already authenticated client: authorization_code (PKCE, redirect URI and
 * resource must match the authorization request), refresh_token (rotation; reuse revokes the family) and
 * client_credentials (confidential clients only).
 */
public final class TokenService {

    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final AccessTokenIssuer issuer;
    private final ProtectedResources resources;

    public TokenService(AuthorizationCodes codes, RefreshTokens refreshTokens, AccessTokenIssuer issuer,
                        ProtectedResources resources) {
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.resources = resources;
    }

    public TokenOutcome exchange(RegisteredClient client, Map<String, String> form) {
        String grantType = form.get("grant_type");
        if (grantType == null) {
            return TokenOutcome.refused(OAuth2Error.INVALID_REQUEST, "grant_type is required");
        }
        if (!client.allowsGrant(grantType)) {
            return TokenOutcome.refused(OAuth2Error.UNAUTHORIZED_CLIENT, "the client may not use this grant type");
        }
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(client, form);
            case "refresh_token" -> refresh(client, form);
            case "client_credentials" -> clientCredentials(client, form);
            default -> TokenOutcome.refused(OAuth2Error.UNSUPPORTED_GRANT_TYPE, "unsupported grant_type");
        };
    }

    private TokenOutcome authorizationCode(RegisteredClient client, Map<String, String> form) {
        String code = form.get("code");
        if (code == null) {
            return TokenOutcome.refused(OAuth2Error.INVALID_REQUEST, "code is required");
        }
        Optional<AuthorizationCodes.PendingCode> redeemed = codes.redeem(code);
        if (redeemed.isEmpty()) {
            return TokenOutcome.refused(OAuth2Error.INVALID_GRANT, "the code is invalid, expired or already used");
        }
        AuthorizationCodes.PendingCode pending = redeemed.get();
        Grant grant = pending.grant();
        boolean redirectMismatch = pending.redirectUri() != null && !pending.redirectUri().equals(form.get("redirect_uri"));
        if (!grant.clientId().equals(client.clientId()) || redirectMismatch) {
            return TokenOutcome.refused(OAuth2Error.INVALID_GRANT, "the code was issued to another client or redirect URI");
        }
        if (!Pkce.verifies(form.get("code_verifier"), pending.codeChallenge())) {
            return TokenOutcome.refused(OAuth2Error.INVALID_GRANT, "code_verifier does not match the code challenge");
        }
        String resource = form.get("resource");
        if (resource != null && !resource.equals(grant.resource())) {
            return TokenOutcome.refused(OAuth2Error.INVALID_TARGET, "resource differs from the authorization request");
        }
        return TokenOutcome.issued(issue(grant, true));
    }

    private TokenOutcome refresh(RegisteredClient client, Map<String, String> form) {
        String token = form.get("refresh_token");
        if (token == null) {
            return TokenOutcome.refused(OAuth2Error.INVALID_REQUEST, "refresh_token is required");
        }
        Optional<Grant> grant = refreshTokens.redeem(token, client.clientId());
        if (grant.isEmpty()) {
            return TokenOutcome.refused(OAuth2Error.INVALID_GRANT, "the refresh token is invalid, expired or revoked");
        }
        String resource = form.get("resource");
        if (resource != null && !resource.equals(grant.get().resource())) {
            return TokenOutcome.refused(OAuth2Error.INVALID_TARGET, "resource differs from the original grant");
        }
        return TokenOutcome.issued(issue(grant.get(), true));
    }

    private TokenOutcome clientCredentials(RegisteredClient client, Map<String, String> form) {
        if (!client.isConfidential()) {
            return TokenOutcome.refused(OAuth2Error.UNAUTHORIZED_CLIENT, "client_credentials needs a confidential client");
        }
        Optional<ProtectedResource> resource = ResourceSelection.resolve(resources, form.get("resource"),
                client.clientId());
        if (resource.isEmpty()) {
            return TokenOutcome.refused(OAuth2Error.INVALID_TARGET, "unknown resource");
        }
        var scopes = ResourceSelection.grantedScopes(resource.get(), form.get("scope"));
        Grant grant = new Grant(client.clientId(), Identity.ofClient(client.clientId()), resource.get().url(), scopes,
                "cc-" + Hashing.randomToken(12));
        return TokenOutcome.issued(issue(grant, false));
    }

    private IssuedTokens issue(Grant grant, boolean withRefresh) {
        String access = issuer.issue(grant);
        String refresh = withRefresh ? refreshTokens.create(grant) : null;
        return new IssuedTokens(access, issuer.lifetime().toSeconds(), refresh, grant.scope());
    }
}
