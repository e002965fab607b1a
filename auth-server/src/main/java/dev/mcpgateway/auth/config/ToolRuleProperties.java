package dev.mcpgateway.auth.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.order.Ordered;
import java.util.List;

/**
 * {@code gateway.auth.tool-rules[n]}: an optional rule for one tool of one MCP server: extra scopes, and/or the
 * Entra app roles or group object ids (any one suffices) a caller must have.
 * <pre>
 * gateway.auth.tool-rules:
 *   - server: weather
 *     tool: purge_cache
 *     scopes: [mcp:weather:admin]
 *     roles: [Weather.Operator]
 * </pre>
 */
@EachProperty(value = "gateway.auth.tool-rules", list = true)
public class ToolRuleProperties implements Ordered {

    private final int index;
    private String server;
    private String tool;
    private List<String> scopes = List.of();
    private List<String> roles = List.of();
    private List<String> groups = List.of();

    /** @param index the rule's position in the list: beans come in that order, and errors name it */
    public ToolRuleProperties(@Parameter Integer index) {
        this.index = index == null ? 0 : index;
    }

    public int getIndex() {
        return index;
    }

    @Override
    public int getOrder() {
        return index;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getTool() {
        return tool;
    }

    public void setTool(String tool) {
        this.tool = tool;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
