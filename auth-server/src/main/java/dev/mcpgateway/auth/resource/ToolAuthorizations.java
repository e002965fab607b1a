package dev.mcpgateway.auth.resource;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import dev.mcpgateway.auth.config.ToolRuleProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ToolAuthorization} of every protected MCP server, compiled once from {@code gateway.auth.resources} and
 * {@code gateway.auth.tool-rules}; a rule naming an unknown server fails start-up with the key that is wrong.
 */
@Singleton
public class ToolAuthorizations {

    private final Map<String, ToolAuthorization> byServer = new HashMap<>();

    public ToolAuthorizations(ProtectedResources resources, List<ToolRuleProperties> rules) {
        Map<String, List<ToolRule>> rulesByServer = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ToolRuleProperties p = rules.get(i);
            String server = p.getServer();
            if (server == null || p.getTool() == null
                    || resources.all().stream().noneMatch(r -> r.name().equals(server))) {
                throw new ConfigurationException("gateway.auth.tool-rules[" + i + "] needs server (one of "
                        + resources.all().stream().map(ProtectedResource::name).toList() + ") and tool");
            }
            rulesByServer.computeIfAbsent(server, s -> new java.util.ArrayList<>())
                    .add(new ToolRule(p.getTool(), p.getScopes(), p.getRoles(), p.getGroups()));
        }
        for (ProtectedResource resource : resources.all()) {
            byServer.put(resource.name(), new ToolAuthorization(List.of(resource.scopes().getFirst()),
                    rulesByServer.getOrDefault(resource.name(), List.of())));
        }
    }

    /** The decisions for MCP server {@code name}; empty when the server is not protected. */
    public Optional<ToolAuthorization> forServer(String name) {
        return Optional.ofNullable(byServer.get(name));
    }
}
