package dev.mcpgateway.auth.metadata;

import com.nimbusds.jose.jwk.JWKSet;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.config.ProtectedResources;
import dev.mcpgateway.auth.keys.SigningKeys;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/** RFC 8414 metadata, OIDC discovery and the JWKS (current and still-needed retired public keys). */
@Controller
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DiscoveryController {

    private final AuthServerConfig config;
    private final ProtectedResources resources;
    private final SigningKeys keys;

    public DiscoveryController(AuthServerConfig config, ProtectedResources resources, SigningKeys keys) {
        this.config = config;
        this.resources = resources;
        this.keys = keys;
    }

    @Get(value = "/.well-known/oauth-authorization-server", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> authorizationServer() {
        return AuthorizationServerMetadataDocument.build(config.getIssuer(), resources, false);
    }

    @Get(value = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> openidConfiguration() {
        return AuthorizationServerMetadataDocument.build(config.getIssuer(), resources, true);
    }

    @Get(value = "/jwks", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> jwks() {
        JWKSet set = keys.publicKeys();
        return HttpResponse.ok(set.toJSONObject(true)).header("Cache-Control", "public, max-age=300");
    }
}
