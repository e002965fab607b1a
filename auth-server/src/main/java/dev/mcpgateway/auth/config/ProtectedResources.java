package dev.mcpgateway.auth.config;

import java.util.List;
import java.util.Optional;

/**
 * The MCP servers tokens can be issued for. The configured set is the default; the gateway may replace this bean
 * with one backed by its own MCP server catalog.
 */
public interface ProtectedResources {

    List<ProtectedResource> all();

    /** The resource whose canonical URL is exactly {@code url} (no normalisation: clients compare byte for byte). */
    default Optional<ProtectedResource> find(String url) {
        return all().stream().filter(r -> r.url().equals(url)).findFirst();
    }

    /** Used when a client omits {@code resource} (Copilot Studio and some others do). */
    Optional<ProtectedResource> defaultResource();
}
