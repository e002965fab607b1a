package dev.mcpgateway.auth.backend;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches managed identity tokens from Azure's local identity endpoint, kept by a {@link TokenCache} until shortly
 * before they expire. The answer is Azure's, not RFC 6749's: {@code access_token}, and {@code expires_on} as epoch
 * seconds in a string ({@code expires_in} too, from IMDS).
 */
public final class ManagedIdentityTokenSource extends AccessTokenSource {

    private final ManagedIdentitySettings settings;

    public ManagedIdentityTokenSource(ManagedIdentitySettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ManagedIdentityTokenSource(ManagedIdentitySettings settings, Clock clock) {
        super(clock);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ManagedIdentitySettings settings() {
        return settings;
    }

    @Override
    TokenCache.FetchedToken fetch(Instant requestedAt) throws CredentialUnavailableException {
        IdentityEndpoint endpoint = settings.endpoint();
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.GET,
                endpoint.tokenRequest(settings.resource(), settings.clientId()));
        http.setHeader(endpoint.headerName(), endpoint.headerValue().reveal());
        int timeoutMillis = (int) settings.timeout().toMillis();
        http.setConnectTimeout(timeoutMillis);
        http.setReadTimeout(timeoutMillis);
        HTTPResponse response;
        try {
            response = http.send();
        } catch (IOException e) {
            throw new CredentialUnavailableException("managed identity endpoint unreachable: " + endpoint.uri(), e);
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
        } catch (ParseException e) {
            json = Map.of();
        }
        if (!response.indicatesSuccess()) {
            // IMDS answers an OAuth error code; the description may echo the request, so it is left out
            String code = json.get("error") instanceof String error ? ": " + error : "";
            throw new CredentialUnavailableException("managed identity endpoint refused the token request (HTTP "
                    + response.getStatusCode() + ")" + code);
        }
        if (!(json.get("access_token") instanceof String token) || token.isBlank()) {
            throw new CredentialUnavailableException("managed identity endpoint sent an unreadable response: "
                    + endpoint.uri());
        }
        return new TokenCache.FetchedToken(Secret.of(token), expiry(json, requestedAt));
    }

    private static Optional<Instant> expiry(Map<String, Object> json, Instant requestedAt) {
        Optional<Long> expiresOn = seconds(json.get("expires_on"));
        if (expiresOn.isPresent()) {
            return expiresOn.map(Instant::ofEpochSecond);
        }
        return seconds(json.get("expires_in")).map(requestedAt::plusSeconds);
    }

    /** A number of seconds, which Azure sends as a string (and some versions as a number). */
    private static Optional<Long> seconds(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Object> describe() {
        return settings.describe();
    }
}
