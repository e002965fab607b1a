package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ToolRuleProperties;
import dev.mcpgateway.auth.resource.ToolRule;
import dev.mcpgateway.gateway.state.GatewayState;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code gateway.auth.tool-rules} compiled once, at start-up (eager, after the catalog is loaded): a rule must name
 * a tool and an MCP server the gateway has (in its state or under {@code gateway.auth.resources}); otherwise
 * start-up fails with the key that is wrong, rather than the rule silently protecting nothing.
 */
@Context
public class ToolRules {

    private final Map<String, List<ToolRule>> byServer;

    public ToolRules(List<ToolRuleProperties> rules, GatewayState state, ResourceDirectory resources) {
        Map<String, List<ToolRule>> compiled = new java.util.HashMap<>();
        for (ToolRuleProperties rule : rules) {
            // the bean list's order need not be the configuration's: the key comes from the rule's own index
            String key = "gateway.auth.tool-rules[" + rule.getIndex() + "]";
            if (rule.getServer() == null || rule.getServer().isBlank()) {
                throw new ConfigurationException(key + ".server is required");
            }
            if (rule.getTool() == null || rule.getTool().isBlank()) {
                throw new ConfigurationException(key + ".tool is required");
            }
            boolean known = state.server(rule.getServer()).isPresent() || resources.configured().stream()
                    .anyMatch(r -> r.name().equals(rule.getServer()));
            if (!known) {
                throw new ConfigurationException(key + ".server: no MCP server named '" + rule.getServer()
                        + "' (known: " + knownServers(state, resources) + ")");
            }
            compiled.computeIfAbsent(rule.getServer(), s -> new ArrayList<>())
                    .add(new ToolRule(rule.getTool(), rule.getScopes(), rule.getRoles(), rule.getGroups()));
        }
        compiled.replaceAll((server, list) -> List.copyOf(list));
        this.byServer = Map.copyOf(compiled);
    }

    /** The rules for one server's tools; empty when it has none. */
    public List<ToolRule> forServer(String server) {
        return byServer.getOrDefault(server, List.of());
    }

    private static TreeSet<String> knownServers(GatewayState state, ResourceDirectory resources) {
        TreeSet<String> names = new TreeSet<>();
        state.servers().forEach(entry -> names.add(entry.value().name()));
        resources.configured().stream().map(ProtectedResource::name).forEach(names::add);
        return names;
    }
}
