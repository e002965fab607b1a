package dev.mcpgateway.auth.backend;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fetches client-credentials access tokens and keeps the current one until shortly before it expires. Concurrent
 * callers that find no fresh token wait for a single fetch and all get its result, so a burst of tool calls costs
 * the token endpoint one request.
 */
public final class ClientCredentialsTokenSource {

    /** How long a token whose response named no lifetime is reused. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(1);
    /** Refresh this long before expiry at most (half the lifetime for very short-lived tokens). */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final ClientCredentialsSettings settings;
    private final Clock clock;
    // a lock rather than synchronized: callers run on virtual threads, which must not pin a carrier while waiting
    private final ReentrantLock fetchLock = new ReentrantLock();
    private volatile CachedToken current;

    public ClientCredentialsTokenSource(ClientCredentialsSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ClientCredentialsTokenSource(ClientCredentialsSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ClientCredentialsSettings settings() {
        return settings;
    }

    /** The current access token, fetching a new one when there is none or it is about to expire. */
    public Secret accessToken() throws CredentialUnavailableException {
        CachedToken token = current;
        if (token != null && token.isFreshAt(clock.instant())) {
            return token.value();
        }
        fetchLock.lock();
        try {
            token = current;
            if (token == null || !token.isFreshAt(clock.instant())) {
                token = fetch();
                current = token;
            }
            return token.value();
        } finally {
            fetchLock.unlock();
        }
    }

    /** Forgets the current token (e.g. after a backend answered 401), so the next call fetches a new one. */
    public void invalidate() {
        current = null;
    }

    private CachedToken fetch() throws CredentialUnavailableException {
        Instant requestedAt = clock.instant();
        TokenRequest.Builder builder = new TokenRequest.Builder(settings.tokenEndpoint(),
                new ClientSecretBasic(new ClientID(settings.clientId()),
                        new com.nimbusds.oauth2.sdk.auth.Secret(settings.clientSecret().reveal())),
                new ClientCredentialsGrant());
        settings.scope().ifPresent(scope -> builder.scope(Scope.parse(scope)));
        HTTPRequest http = builder.build().toHTTPRequest();
        int timeoutMillis = (int) settings.timeout().toMillis();
        http.setConnectTimeout(timeoutMillis);
        http.setReadTimeout(timeoutMillis);
        TokenResponse response;
        try {
            response = TokenResponse.parse(http.send());
        } catch (IOException e) {
            throw new CredentialUnavailableException("token endpoint unreachable: " + settings.tokenEndpoint(), e);
        } catch (ParseException e) {
            throw new CredentialUnavailableException("token endpoint sent an unreadable response: "
                    + settings.tokenEndpoint());
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            String code = error == null || error.getCode() == null ? "unknown error" : error.getCode();
            throw new CredentialUnavailableException("token endpoint refused the client credentials grant: " + code);
        }
        AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
        return new CachedToken(Secret.of(token.getValue()), refreshAfter(requestedAt, token.getLifetime()));
    }

    private static Instant refreshAfter(Instant requestedAt, long lifetimeSeconds) {
        if (lifetimeSeconds <= 0) {
            return requestedAt.plus(UNKNOWN_LIFETIME);
        }
        Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
        Duration margin = lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
        // counted from when we asked, not when the answer came, so a slow endpoint never makes us overrun expiry
        return requestedAt.plus(lifetime).minus(margin);
    }

    private record CachedToken(Secret value, Instant refreshAfter) {
        boolean isFreshAt(Instant now) {
            return now.isBefore(refreshAfter);
        }
    }
}
