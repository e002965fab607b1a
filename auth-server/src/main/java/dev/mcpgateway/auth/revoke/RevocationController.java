package dev.mcpgateway.auth.revoke;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import dev.mcpgateway.auth.client.ClientAuthenticator;
import dev.mcpgateway.auth.client.RegisteredClient;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.auth.token.RefreshTokens;
import dev.mcpgateway.auth.token.Revocations;
import dev.mcpgateway.auth.web.FormBody;
import dev.mcpgateway.auth.web.OAuthResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /revoke} (RFC 7009). A refresh token revokes its whole family (and so the access tokens issued with
 * it); an access token is denied by {@code jti} until it expires. Unknown tokens still get 200, as the RFC says.
 */
@Controller
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RevocationController {

    private final ClientAuthenticator authenticator;
    private final RefreshTokens refreshTokens;
    private final Revocations revocations;
    private final AccessTokenValidator validator;

    public RevocationController(ClientAuthenticator authenticator, RefreshTokens refreshTokens,
                                Revocations revocations, AccessTokenValidator validator) {
        this.authenticator = authenticator;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.validator = validator;
    }

    @Post(value = "/revoke", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> revoke(HttpRequest<?> request, @Body String body) {
        Map<String, String> form = FormBody.parse(body);
        Optional<RegisteredClient> client =
                authenticator.authenticate(request.getHeaders().getAuthorization().orElse(null), form);
        if (client.isEmpty()) {
            return OAuthResponses.error(OAuth2Error.INVALID_CLIENT, "client authentication failed");
        }
        String token = form.get("token");
        if (token == null) {
            return OAuthResponses.error(OAuth2Error.INVALID_REQUEST, "token is required");
        }
        if (token.chars().filter(c -> c == '.').count() == 2) {
            revokeAccessToken(token, client.get().clientId());
        } else {
            refreshTokens.revoke(token, client.get().clientId());
        }
        return OAuthResponses.noStore(HttpResponse.ok());
    }

    private void revokeAccessToken(String token, String clientId) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            String audience = jwt.getJWTClaimsSet().getAudience().stream().findFirst().orElse(null);
            // only a token we signed, for this client, may be revoked: parse alone proves nothing
            if (audience != null && validator.check("Bearer " + token, audience, List.of())
                    instanceof TokenCheck.Accepted accepted && clientId.equals(accepted.principal().clientId())) {
                revocations.revokeAccessToken(jwt.getJWTClaimsSet().getJWTID());
            }
        } catch (ParseException e) {
            // not a JWT of ours: nothing to revoke
        }
    }
}
