package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.resource.BearerChallenge;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import dev.mcpgateway.auth.resource.TokenPrincipal;
import dev.mcpgateway.auth.resource.ToolAuthorization;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.config.ServerAccess;
import dev.mcpgateway.gateway.mcp.protocol.ToolAccess;
import dev.mcpgateway.gateway.mcp.protocol.ToolFilter;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On OAuth servers a caller sees and calls only the tools its token allows: the server's scope plus, for tools with a
 * rule in {@code gateway.auth.tool-rules}, the rule's scopes and any of its roles or groups. {@code tools/list} shows
 * only allowed tools. A {@code tools/call} of a tool the caller would reach with more scopes is a step-up (403 with
 * a scope challenge); one it could not reach with any scopes (role or group rule) answers as for an unknown tool.
 */
@Singleton
@io.micronaut.context.annotation.Secondary // a test's own filter wins
public class ScopedToolFilter implements ToolFilter {

    private static final ToolAuthorization.Decision ALLOWED = new ToolAuthorization.Decision.Allowed();
    private static final ToolAuthorization.Decision FORBIDDEN = new ToolAuthorization.Decision.Forbidden();

    private final AccessModes modes;
    private final ResourceDirectory resources;
    private final ToolRules rules;
    private final Map<String, ToolAuthorization> authorizations = new ConcurrentHashMap<>();

    public ScopedToolFilter(AccessModes modes, ResourceDirectory resources, ToolRules rules) {
        this.modes = modes;
        this.resources = resources;
        this.rules = rules;
    }

    @Override
    public boolean visible(ServedMcpServer server, Tool tool, Optional<CallContext.Caller> caller) {
        // tools/list asks for every tool: no challenge is built for the hidden ones
        return decision(server, tool, caller) instanceof ToolAuthorization.Decision.Allowed;
    }

    @Override
    public ToolAccess access(ServedMcpServer server, Tool tool, Optional<CallContext.Caller> caller) {
        return switch (decision(server, tool, caller)) {
            case ToolAuthorization.Decision.Allowed allowed -> ToolAccess.ALLOW;
            case ToolAuthorization.Decision.Forbidden forbidden -> ToolAccess.HIDE;
            case ToolAuthorization.Decision.NeedsScopes needs -> stepUp(server.name(), tool.name(),
                    authorization(server.name()), principal(caller.orElseThrow()), needs.requiredScopes());
        };
    }

    private ToolAuthorization.Decision decision(ServedMcpServer server, Tool tool,
                                                Optional<CallContext.Caller> caller) {
        Optional<AccessModes.Effective> access = modes.of(server.name());
        if (access.isEmpty() || access.get().mode() != ServerAccess.Mode.OAUTH) {
            return ALLOWED;
        }
        if (caller.isEmpty()) {
            return FORBIDDEN; // cannot happen behind the access filter; refuse rather than show everything
        }
        return authorization(server.name()).decide(principal(caller.get()), tool.name());
    }

    /**
     * A step-up only if the scopes alone would do: a token that also lacks the rule's role would be refused again,
     * so that tool stays hidden. The challenge names the scopes the token has as well as the missing ones (MCP
     * 2025-11-25), so a client that replaces rather than adds its scopes keeps what it had.
     */
    private ToolAccess stepUp(String server, String tool, ToolAuthorization authorization, TokenPrincipal principal,
                              List<String> required) {
        Set<String> scopes = new LinkedHashSet<>(principal.scopes());
        scopes.addAll(required);
        TokenPrincipal steppedUp = new TokenPrincipal(principal.subject(), principal.clientId(), principal.audience(),
                scopes, principal.groups(), principal.roles(), principal.claims());
        if (!(authorization.decide(steppedUp, tool) instanceof ToolAuthorization.Decision.Allowed)) {
            return ToolAccess.HIDE;
        }
        List<String> challenged = new ArrayList<>(principal.scopes().stream().sorted().toList());
        required.stream().filter(s -> !challenged.contains(s)).forEach(challenged::add);
        ProtectedResource resource = resources.resource(server);
        String metadata = ProtectedResourceMetadata.metadataUrlFor(resource.url());
        return new ToolAccess.StepUp(challenged, metadata, BearerChallenge.insufficientScope(metadata, challenged));
    }

    private ToolAuthorization authorization(String server) {
        return authorizations.computeIfAbsent(server, name -> new ToolAuthorization(
                List.of(resources.resource(name).scopes().getFirst()), rules.forServer(name)));
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
