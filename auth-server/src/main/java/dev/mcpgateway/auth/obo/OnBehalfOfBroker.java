package dev.mcpgateway.auth.obo;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.mcpgateway.auth.upstream.UpstreamTokenVault;
import dev.mcpgateway.auth.upstream.UpstreamTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Backend tokens for a user: takes the user's upstream access token (kept server-side at login), exchanges it at the
 * upstream token endpoint for a token scoped to the backend, and caches the result per user and target until a
 * minute before it expires. The MCP client's own token is never involved.
 */
public final class OnBehalfOfBroker {

    private static final int TIMEOUT_MS = 10_000;

    /** What to ask for: a backend scope (Entra: {@code api://backend/.default}) and/or audience (RFC 8693). */
    public record Target(String scope, String audience) {
    }

    private final DelegationGrant grant;
    private final Supplier<URI> tokenEndpoint;
    private final Supplier<ClientAuthentication> clientAuthentication;
    private final UpstreamTokenVault vault;
    private final Clock clock;
    private final Map<String, BackendToken> cache = new ConcurrentHashMap<>();

    public OnBehalfOfBroker(DelegationGrant grant, Supplier<URI> tokenEndpoint,
                            Supplier<ClientAuthentication> clientAuthentication, UpstreamTokenVault vault, Clock clock) {
        this.grant = grant;
        this.tokenEndpoint = tokenEndpoint;
        this.clientAuthentication = clientAuthentication;
        this.vault = vault;
        this.clock = clock;
    }

    /** A token for {@code target} acting as {@code subject}; empty when the user has no upstream session. */
    public Optional<BackendToken> tokenFor(String subject, Target target) {
        String key = subject + "\n" + target.scope() + "\n" + target.audience();
        BackendToken cached = cache.get(key);
        if (cached != null && cached.freshAt(clock.instant())) {
            return Optional.of(cached);
        }
        Optional<UpstreamTokens> upstream = vault.find(subject).map(tokens -> refreshedIfStale(subject, tokens));
        if (upstream.isEmpty()) {
            return Optional.empty();
        }
        BackendToken fresh = exchange(upstream.get().accessToken(), target);
        cache.put(key, fresh);
        return Optional.of(fresh);
    }

    /** The user's upstream access token must be valid to be exchanged: refresh it first when it is about to expire. */
    private UpstreamTokens refreshedIfStale(String subject, UpstreamTokens tokens) {
        if (!tokens.staleAt(clock.instant()) || tokens.refreshToken() == null) {
            return tokens;
        }
        try {
            HTTPRequest http = new TokenRequest.Builder(tokenEndpoint.get(), clientAuthentication.get(),
                    new RefreshTokenGrant(new RefreshToken(tokens.refreshToken()))).build().toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse response = TokenResponse.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw new DelegationException("the identity provider refused to refresh the user's session: "
                        + response.toErrorResponse().getErrorObject().getCode());
            }
            var refreshed = response.toSuccessResponse().getTokens();
            UpstreamTokens renewed = new UpstreamTokens(refreshed.getAccessToken().getValue(),
                    refreshed.getRefreshToken() == null ? tokens.refreshToken() : refreshed.getRefreshToken().getValue(),
                    tokens.idToken(), refreshed.getAccessToken().getLifetime(), clock.instant().getEpochSecond());
            vault.keep(subject, renewed);
            return renewed;
        } catch (DelegationException e) {
            throw e;
        } catch (Exception e) {
            throw new DelegationException("refreshing the user's upstream session failed", e);
        }
    }

    private BackendToken exchange(String upstreamAccessToken, Target target) {
        try {
            TokenRequest.Builder builder = new TokenRequest.Builder(tokenEndpoint.get(), clientAuthentication.get(),
                    grant.grant(upstreamAccessToken, target.audience()));
            if (target.scope() != null) {
                builder.scope(Scope.parse(target.scope()));
            }
            grant.extraParameters().forEach((name, values) -> builder.customParameter(name, values.toArray(String[]::new)));
            HTTPRequest http = builder.build().toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse response = TokenResponse.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw new DelegationException("the identity provider refused the exchange: "
                        + response.toErrorResponse().getErrorObject().getCode());
            }
            AccessTokenResponse success = response.toSuccessResponse();
            long lifetime = success.getTokens().getAccessToken().getLifetime();
            Instant expires = clock.instant().plusSeconds(lifetime > 0 ? lifetime : 300);
            return new BackendToken(success.getTokens().getAccessToken().getValue(), expires);
        } catch (DelegationException e) {
            throw e;
        } catch (Exception e) {
            throw new DelegationException("the on-behalf-of exchange failed", e);
        }
    }
}
