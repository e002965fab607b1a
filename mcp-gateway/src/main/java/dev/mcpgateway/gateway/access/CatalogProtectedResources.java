package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.config.ConfiguredProtectedResources;
import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import dev.mcpgateway.gateway.admin.AdminAccess;
import dev.mcpgateway.gateway.config.ServerAccess;
import dev.mcpgateway.gateway.state.GatewayState;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization server's resources are the gateway's OAuth-protected MCP servers, read from the live catalog on
 * each call: a server added through the admin API can be signed in to at once, and a removed one no longer can.
 * Servers configured under {@code gateway.auth.resources} are included even before the catalog has them. The admin
 * API is one more resource while admin tokens are accepted ({@link AdminAccess#resource()}); it is never the default.
 */
@Singleton
@Replaces(ConfiguredProtectedResources.class)
@Requires(property = AuthServerConfig.ISSUER)
public class CatalogProtectedResources implements ProtectedResources {

    private final GatewayState state;
    private final AccessModes modes;
    private final ResourceDirectory directory;
    private final AdminAccess admin;
    private final Optional<String> defaultUrl;

    public CatalogProtectedResources(GatewayState state, AccessModes modes, ResourceDirectory directory,
                                     AdminAccess admin, AuthServerConfig config) {
        this.state = state;
        this.modes = modes;
        this.directory = directory;
        this.admin = admin;
        this.defaultUrl = config.getDefaultResource();
    }

    @Override
    public List<ProtectedResource> all() {
        List<ProtectedResource> all = new ArrayList<>(mcpServers());
        admin.resource().ifPresent(all::add);
        return List.copyOf(all);
    }

    private List<ProtectedResource> mcpServers() {
        Map<String, ProtectedResource> byName = new LinkedHashMap<>();
        directory.configured().forEach(r -> byName.put(r.name(), r));
        for (GatewayState.Entry<dev.mcpgateway.gateway.config.McpServerDefinition> entry : state.servers()) {
            if (modes.effective(entry.value()).mode() == ServerAccess.Mode.OAUTH) {
                byName.put(entry.value().name(), directory.resource(entry.value().name()));
            } else {
                byName.remove(entry.value().name());
            }
        }
        return byName.values().stream().sorted(Comparator.comparing(ProtectedResource::name)).toList();
    }

    @Override
    public Optional<ProtectedResource> defaultResource() {
        List<ProtectedResource> servers = mcpServers();
        if (defaultUrl.isPresent()) {
            return servers.stream().filter(r -> r.url().equals(defaultUrl.get())).findFirst();
        }
        return servers.stream().findFirst();
    }
}
