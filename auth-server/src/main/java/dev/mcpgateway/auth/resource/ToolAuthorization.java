package dev.mcpgateway.auth.resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which tools of one MCP server a caller may see and call: the server's scopes first, then the tool's own rule if
 * it has one. The same decision filters {@code tools/list} and guards {@code tools/call}, so a client never sees a
 * tool it cannot call.
 */
public final class ToolAuthorization {

    /** The decision for one tool: allowed, or refused with the scopes that would allow it (for a 403 step-up). */
    public sealed interface Decision {
        record Allowed() implements Decision {
        }

        /** Missing scopes: a token with {@code requiredScopes} would pass (step-up possible). */
        record NeedsScopes(List<String> requiredScopes) implements Decision {
        }

        /** The caller lacks a role or group: more scopes would not help. */
        record Forbidden() implements Decision {
        }
    }

    private final List<String> serverScopes;
    private final Map<String, ToolRule> rules;

    public ToolAuthorization(List<String> serverScopes, Collection<ToolRule> rules) {
        this.serverScopes = List.copyOf(serverScopes);
        Map<String, ToolRule> byTool = new java.util.HashMap<>();
        rules.forEach(rule -> byTool.put(rule.tool(), rule));
        this.rules = Map.copyOf(byTool);
    }

    public Decision decide(TokenPrincipal caller, String tool) {
        ToolRule rule = rules.get(tool);
        Set<String> needed = new LinkedHashSet<>(serverScopes);
        if (rule != null) {
            needed.addAll(rule.scopes());
        }
        if (!caller.scopes().containsAll(needed)) {
            return new Decision.NeedsScopes(List.copyOf(needed));
        }
        if (rule != null && !(rule.anyOfRoles().isEmpty() && rule.anyOfGroups().isEmpty())) {
            boolean member = rule.anyOfRoles().stream().anyMatch(caller.roles()::contains)
                    || rule.anyOfGroups().stream().anyMatch(caller.groups()::contains);
            if (!member) {
                return new Decision.Forbidden();
            }
        }
        return new Decision.Allowed();
    }

    /** The tools of {@code tools} the caller may use, in their original order. */
    public <T> List<T> visible(TokenPrincipal caller, List<T> tools, Function<T, String> name) {
        List<T> visible = new ArrayList<>();
        for (T tool : tools) {
            if (decide(caller, name.apply(tool)) instanceof Decision.Allowed) {
                visible.add(tool);
            }
        }
        return visible;
    }
}
