package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import dev.mcpgateway.auth.resource.RemoteAuthServerValidatorFactory;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.config.ServerAccess;
import dev.mcpgateway.gateway.state.GatewayState;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 9728 documents when the authorization server runs elsewhere ({@code gateway.auth.remote-issuer}): the 401
 * challenges point here, so the gateway itself must say which authorization server protects each OAuth server.
 * (With the in-process authorization server its own controller serves them from {@link CatalogProtectedResources}.)
 */
@Controller("/.well-known/oauth-protected-resource")
@Requires(property = RemoteAuthServerValidatorFactory.REMOTE_ISSUER)
@Requires(missingProperty = "gateway.auth.issuer")
public class RemoteIssuerMetadataController {

    private final GatewayState state;
    private final AccessModes modes;
    private final ResourceDirectory directory;
    private final String issuer;

    public RemoteIssuerMetadataController(GatewayState state, AccessModes modes, ResourceDirectory directory,
                                          @Property(name = RemoteAuthServerValidatorFactory.REMOTE_ISSUER) String issuer) {
        this.state = state;
        this.modes = modes;
        this.directory = directory;
        this.issuer = issuer;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> root() {
        return render(oauthServers().stream().findFirst());
    }

    @Get(value = "/mcp/{server}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> forServer(@PathVariable String server) {
        return render(oauthServers().stream().filter(r -> r.name().equals(server)).findFirst());
    }

    private List<ProtectedResource> oauthServers() {
        return state.servers().stream().map(GatewayState.Entry::value)
                .filter(d -> modes.effective(d).mode() == ServerAccess.Mode.OAUTH)
                .map(McpServerDefinition::name).sorted().map(directory::resource).toList();
    }

    private HttpResponse<Map<String, Object>> render(Optional<ProtectedResource> resource) {
        return resource.<HttpResponse<Map<String, Object>>>map(r -> HttpResponse.ok(new ProtectedResourceMetadata(
                r.url(), List.of(issuer), r.scopes(), r.name()).toJson())).orElseGet(HttpResponse::notFound);
    }
}
