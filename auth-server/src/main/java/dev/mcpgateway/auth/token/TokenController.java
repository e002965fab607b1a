package dev.mcpgateway.auth.token;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import dev.mcpgateway.auth.client.ClientAuthenticator;
import dev.mcpgateway.auth.client.RegisteredClient;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.web.FormBody;
import dev.mcpgateway.auth.web.OAuthResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code POST /token}: authenticates the client, runs the grant, answers JSON with {@code no-store}. */
@Controller
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {

    private final ClientAuthenticator authenticator;
    private final TokenService tokens;

    public TokenController(ClientAuthenticator authenticator, TokenService tokens) {
        this.authenticator = authenticator;
        this.tokens = tokens;
    }

    @Post(value = "/token", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> token(HttpRequest<?> request, @Body String body) {
        Map<String, String> form = FormBody.parse(body);
        String authorization = request.getHeaders().getAuthorization().orElse(null);
        Optional<RegisteredClient> client = authenticator.authenticate(authorization, form);
        if (client.isEmpty()) {
            MutableHttpResponse<Map<String, Object>> refused = OAuthResponses.error(OAuth2Error.INVALID_CLIENT,
                    "client authentication failed or the client is unknown");
            if (authorization != null) {
                refused.header("WWW-Authenticate", "Basic realm=\"token\"");
            }
            return refused;
        }
        TokenOutcome outcome = tokens.exchange(client.get(), form);
        if (outcome.error() != null) {
            return OAuthResponses.error(outcome.error().error(), outcome.error().description());
        }
        IssuedTokens issued = outcome.tokens();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", issued.accessToken());
        json.put("token_type", "Bearer");
        json.put("expires_in", issued.expiresInSeconds());
        if (issued.refreshToken() != null) {
            json.put("refresh_token", issued.refreshToken());
        }
        json.put("scope", issued.scope());
        return OAuthResponses.noStore(HttpResponse.ok(json));
    }
}
