package dev.mcpgateway.auth.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import dev.mcpgateway.auth.client.RegisteredClient;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.store.Json;
import dev.mcpgateway.auth.web.OAuthResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /register}: RFC 7591 dynamic client registration. */
@Controller
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RegistrationController {

    private final ClientRegistrar registrar;

    public RegistrationController(ClientRegistrar registrar) {
        this.registrar = registrar;
    }

    @Post(value = "/register", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> register(@Body String body) {
        JsonNode request;
        try {
            request = Json.mapper().readTree(body == null ? "" : body);
        } catch (IOException e) {
            return OAuthResponses.error(RegistrationError.INVALID_CLIENT_METADATA, "the body is not valid JSON");
        }
        ClientRegistrar.Outcome outcome = registrar.register(request);
        if (outcome.error() != null) {
            return OAuthResponses.error(outcome.error(), outcome.description());
        }
        return OAuthResponses.noStore(HttpResponse.<Map<String, Object>>status(HttpStatus.CREATED)
                .body(describe(outcome.client(), outcome.clientSecret())));
    }

    static Map<String, Object> describe(RegisteredClient client, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.clientId());
        body.put("client_id_issued_at", client.issuedAt());
        if (secret != null) {
            body.put("client_secret", secret);
            body.put("client_secret_expires_at", 0);
        }
        if (client.clientName() != null) {
            body.put("client_name", client.clientName());
        }
        body.put("redirect_uris", client.redirectUris());
        body.put("grant_types", client.grantTypes());
        body.put("response_types", client.allowsGrant("authorization_code") ? java.util.List.of("code") : java.util.List.of());
        body.put("token_endpoint_auth_method", client.tokenEndpointAuthMethod());
        body.put("application_type", client.applicationType());
        return body;
    }
}
