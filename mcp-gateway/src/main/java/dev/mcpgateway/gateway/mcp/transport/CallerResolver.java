package dev.mcpgateway.gateway.mcp.transport;

import dev.mcpgateway.gateway.catalog.CallContext;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * The one place where an MCP request's caller is read from HTTP (a bearer token, once authentication exists). Every
 * MCP route asks it; what it returns reaches tools as {@link CallContext#caller()} and binds sessions to their owner.
 */
@FunctionalInterface
public interface CallerResolver {

    Optional<CallContext.Caller> resolve(HttpRequest<?> request);
}
