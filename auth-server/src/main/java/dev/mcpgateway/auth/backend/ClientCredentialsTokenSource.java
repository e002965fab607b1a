package dev.mcpgateway.auth.backend;

import java.util.Map;
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
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches client-credentials access tokens, kept by a {@link TokenCache} until shortly before they expire: a burst
 * of tool calls costs the token endpoint one request.
 */
public final class ClientCredentialsTokenSource extends AccessTokenSource {

    private final ClientCredentialsSettings settings;

    public ClientCredentialsTokenSource(ClientCredentialsSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ClientCredentialsTokenSource(ClientCredentialsSettings settings, Clock clock) {
        super(clock);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ClientCredentialsSettings settings() {
        return settings;
    }

    @Override
    TokenCache.FetchedToken fetch(Instant requestedAt) throws CredentialUnavailableException {
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
        long lifetimeSeconds = token.getLifetime();
        return new TokenCache.FetchedToken(Secret.of(token.getValue()), lifetimeSeconds <= 0 ? Optional.empty()
                : Optional.of(requestedAt.plusSeconds(lifetimeSeconds)));
    }

    @Override
    public Map<String, Object> describe() {
        return settings.describe();
    }
}
