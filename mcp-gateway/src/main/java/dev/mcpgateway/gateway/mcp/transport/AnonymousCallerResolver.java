package dev.mcpgateway.gateway.mcp.transport;

import dev.mcpgateway.gateway.catalog.CallContext;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Without authentication every caller is anonymous; an authenticating resolver replaces this bean. */
@Singleton
@Secondary
public class AnonymousCallerResolver implements CallerResolver {

    @Override
    public Optional<CallContext.Caller> resolve(HttpRequest<?> request) {
        return Optional.empty();
    }
}
