package dev.mcpgateway.auth.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * {@code gateway.auth.resources.<mcp-server>.*}: one protected MCP server, named by its canonical URL (the URL users
 * paste into their client, byte for byte) and the scopes a token for it may carry.
 */
@EachProperty("gateway.auth.resources")
public class ResourceProperties {

    private final String name;
    private String url;
    private List<String> scopes = List.of();

    public ResourceProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
