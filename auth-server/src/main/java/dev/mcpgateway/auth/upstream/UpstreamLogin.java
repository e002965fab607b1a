package dev.mcpgateway.auth.upstream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Hashing;
import dev.mcpgateway.auth.store.Json;
import dev.mcpgateway.auth.token.Identity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our side of the login at the upstream provider: our own PKCE verifier, nonce and a random single-use
 * {@code state} stored only once the user has consented (checklist 25), then the code exchange and ID token
 * validation. The client's {@code resource} is never forwarded (Entra refuses it); we ask for scopes instead.
 */
public final class UpstreamLogin {

    private static final String NAMESPACE = "upstream-state";
    private static final int TIMEOUT_MS = 10_000;

    /** What we remember between the redirect to the provider and its callback. */
    public record Started(String pendingId, String verifier, String nonce) {
    }

    /** A finished login: the pending authorization it belongs to and the user it proved. */
    public record Completed(String pendingId, Identity identity, UpstreamTokens tokens) {
    }

    private final UpstreamConfig config;
    private final UpstreamProvider provider;
    private final AuthStateStore store;
    private final Duration stateLifetime;
    private final URI callback;

    public UpstreamLogin(UpstreamConfig config, UpstreamProvider provider, AuthStateStore store,
                         Duration stateLifetime, String issuer) {
        this.config = config;
        this.provider = provider;
        this.store = store;
        this.stateLifetime = stateLifetime;
        this.callback = URI.create(issuer + "/callback");
    }

    /** The provider's authorization URL for this pending request. */
    public URI begin(String pendingId) {
        OIDCProviderMetadata metadata;
        try {
            metadata = provider.metadata();
        } catch (RuntimeException e) {
            throw new UpstreamLoginException("the identity provider's metadata cannot be loaded", e);
        }
        State state = new State(Hashing.randomToken(32));
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce(Hashing.randomToken(16));
        store.put(NAMESPACE, state.getValue(), Json.write(new Started(pendingId, verifier.getValue(), nonce.getValue())),
                stateLifetime);
        List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email", "offline_access"));
        config.getScopes().stream().filter(s -> !s.isBlank()).forEach(scopes::add);
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(scopes.toArray(String[]::new)),
                new ClientID(clientId()), callback)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** The pending id a callback's {@code state} belongs to, consuming the state; empty if unknown or expired. */
    public Optional<Started> takeState(String state) {
        return state == null ? Optional.empty()
                : store.take(NAMESPACE, state).map(json -> Json.read(json, Started.class));
    }

    /** Exchanges the provider's code and validates its ID token. Throws {@link UpstreamLoginException}. */
    public Completed complete(Started started, String code) {
        OIDCProviderMetadata metadata = provider.metadata();
        try {
            TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(), UpstreamClientAuthentication.of(config, metadata.getTokenEndpointURI()),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), callback, new CodeVerifier(started.verifier())),
                    null);
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw new UpstreamLoginException("the identity provider refused the code: "
                        + response.toErrorResponse().getErrorObject().getCode());
            }
            OIDCTokenResponse success = (OIDCTokenResponse) response.toSuccessResponse();
            JWT idToken = success.getOIDCTokens().getIDToken();
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(clientId()),
                    JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL());
            validator.validate(idToken, new Nonce(started.nonce()));
            Identity identity = ClaimMapper.map(idToken.getJWTClaimsSet().getClaims());
            var tokens = success.getOIDCTokens();
            return new Completed(started.pendingId(), identity, new UpstreamTokens(
                    tokens.getAccessToken().getValue(),
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(),
                    idToken.serialize(), tokens.getAccessToken().getLifetime(), java.time.Instant.now().getEpochSecond()));
        } catch (UpstreamLoginException e) {
            throw e;
        } catch (Exception e) {
            // network failures, bad signatures, wrong nonce: the cause goes to our log via the exception chain only
            throw new UpstreamLoginException("the upstream login could not be completed", e);
        }
    }

    private String clientId() {
        return config.getClientId().orElseThrow(() -> new IllegalStateException("gateway.auth.upstream.client-id is not set"));
    }
}
