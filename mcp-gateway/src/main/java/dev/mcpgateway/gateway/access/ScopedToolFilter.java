package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.config.ToolRuleProperties;
import dev.mcpgateway.auth.resource.TokenPrincipal;
import dev.mcpgateway.auth.resource.ToolAuthorization;
import dev.mcpgateway.auth.resource.ToolRule;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.config.ServerAccess;
import dev.mcpgateway.gateway.mcp.protocol.ToolFilter;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On OAuth servers a caller sees and calls only the tools its token allows: the server's scope plus, for tools with a
 * rule in {@code gateway.auth.tool-rules}, the rule's scopes and any of its roles or groups. The same decision hides
 * a tool from {@code tools/list} and answers {@code tools/call} as for an unknown tool.
 */
@Singleton
@io.micronaut.context.annotation.Secondary // a test's own filter wins
public class ScopedToolFilter implements ToolFilter {

    private final AccessModes modes;
    private final ResourceDirectory resources;
    private final Map<String, List<ToolRule>> rulesByServer = new ConcurrentHashMap<>();
    private final Map<String, ToolAuthorization> authorizations = new ConcurrentHashMap<>();

    public ScopedToolFilter(AccessModes modes, ResourceDirectory resources, List<ToolRuleProperties> rules) {
        this.modes = modes;
        this.resources = resources;
        for (int i = 0; i < rules.size(); i++) {
            ToolRuleProperties rule = rules.get(i);
            if (rule.getServer() == null || rule.getTool() == null) {
                throw new io.micronaut.context.exceptions.ConfigurationException(
                        "gateway.auth.tool-rules[" + i + "] needs server and tool");
            }
            rulesByServer.computeIfAbsent(rule.getServer(), s -> new ArrayList<>())
                    .add(new ToolRule(rule.getTool(), rule.getScopes(), rule.getRoles(), rule.getGroups()));
        }
    }

    @Override
    public boolean visible(ServedMcpServer server, Tool tool, Optional<CallContext.Caller> caller) {
        Optional<AccessModes.Effective> access = modes.of(server.name());
        if (access.isEmpty() || access.get().mode() != ServerAccess.Mode.OAUTH) {
            return true;
        }
        if (caller.isEmpty()) {
            return false; // cannot happen behind the access filter; refuse rather than show everything
        }
        return authorization(server.name()).decide(principal(caller.get()), tool.name())
                instanceof ToolAuthorization.Decision.Allowed;
    }

    private ToolAuthorization authorization(String server) {
        return authorizations.computeIfAbsent(server, name -> new ToolAuthorization(
                List.of(resources.resource(name).scopes().getFirst()), rulesByServer.getOrDefault(name, List.of())));
    }

    static TokenPrincipal principal(CallContext.Caller caller) {
        Map<String, Object> claims = caller.claims();
        return new TokenPrincipal(caller.subject(), String.valueOf(claims.get("client_id")),
                String.valueOf(claims.get("aud")), caller.scopes(), strings(claims.get("groups")),
                strings(claims.get("roles")), claims);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }
}
