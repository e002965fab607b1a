package dev.mcpgateway.auth.metadata;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 9728 documents for the configured MCP servers, at {@code /.well-known/oauth-protected-resource/<mcp path>}
 * and, for the default server, at the root. Switch off with {@code gateway.auth.serve-resource-metadata=false} when
 * the MCP endpoints serve their own.
 */
@Controller
@Requires(property = AuthServerConfig.ISSUER)
@Requires(property = "gateway.auth.serve-resource-metadata", notEquals = "false")
public class ProtectedResourceMetadataController {

    private static final String PREFIX = "/.well-known/oauth-protected-resource";

    private final AuthServerConfig config;
    private final ProtectedResources resources;

    public ProtectedResourceMetadataController(AuthServerConfig config, ProtectedResources resources) {
        this.config = config;
        this.resources = resources;
    }

    @Get(value = PREFIX, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> root() {
        return render(resources.defaultResource());
    }

    @Get(value = PREFIX + "/{+path}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> forPath(HttpRequest<?> request, String path) {
        String requested = request.getPath();
        return render(resources.all().stream()
                .filter(r -> ProtectedResourceMetadata.metadataPathFor(r.url()).equals(requested))
                .findFirst());
    }

    private HttpResponse<Map<String, Object>> render(Optional<ProtectedResource> resource) {
        return resource.<HttpResponse<Map<String, Object>>>map(r -> HttpResponse.ok(new ProtectedResourceMetadata(
                        r.url(), List.of(config.getIssuer()), r.scopes(), r.name()).toJson()))
                .orElseGet(HttpResponse::notFound);
    }
}
