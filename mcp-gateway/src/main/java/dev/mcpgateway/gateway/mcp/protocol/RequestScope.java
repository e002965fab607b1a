package dev.mcpgateway.gateway.mcp.protocol;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.CallOrigin;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where one request comes from, as the dispatcher needs it: the negotiated revision, who calls, where notifications
 * about the request go, and the session's in-flight calls (for {@code notifications/cancelled}).
 *
 * @param protocolVersion the revision the request is served under
 * @param stateless       true for a 2026-07-28 request (no session)
 * @param caller          the authenticated caller, when there is one
 * @param notifications   receives progress notifications for this request (may drop them when no stream is open)
 * @param inFlight        the calls running in the same session; a fresh registry for stateless requests
 * @param logLevel        receives {@code logging/setLevel}
 * @param logThreshold    the least severe level sent to the client now; null sends no log messages
 * @param origin          the HTTP request, as policies read it
 */
public record RequestScope(
        String protocolVersion,
        boolean stateless,
        Optional<CallContext.Caller> caller,
        Consumer<JSONRPCNotification> notifications,
        InFlightCalls inFlight,
        Consumer<LoggingLevel> logLevel,
        Supplier<LoggingLevel> logThreshold,
        CallOrigin origin) {
}
