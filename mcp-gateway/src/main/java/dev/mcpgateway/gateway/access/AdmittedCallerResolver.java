package dev.mcpgateway.gateway.access;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.mcp.transport.CallerResolver;
import dev.mcpgateway.gateway.mcp.transport.AnonymousCallerResolver;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The caller {@link McpAccessFilter} admitted: the token's user, a subscription key, or nobody (mode none). */
@Singleton
@Replaces(AnonymousCallerResolver.class)
@Secondary // a test's own resolver wins
public class AdmittedCallerResolver implements CallerResolver {

    @Override
    public Optional<CallContext.Caller> resolve(HttpRequest<?> request) {
        return request.getAttribute(McpAccessFilter.CALLER, CallContext.Caller.class);
    }
}
