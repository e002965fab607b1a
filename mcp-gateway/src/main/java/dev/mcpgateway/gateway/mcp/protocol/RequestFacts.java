package dev.mcpgateway.gateway.mcp.protocol;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.CallOrigin;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP facts about a request the MCP layer needs, extracted once by the transport.
 *
 * @param sessionId           {@code Mcp-Session-Id}, null when absent
 * @param protocolVersion     {@code MCP-Protocol-Version}, null when absent
 * @param acceptsEventStream  whether the client accepts {@code text/event-stream}
 * @param lastEventId         {@code Last-Event-ID}, null when absent
 * @param mcpMethod           {@code Mcp-Method}, null when absent
 * @param mcpName             {@code Mcp-Name}, null when absent
 * @param paramHeaders        the {@code Mcp-Param-*} headers by lower-cased name suffix
 * @param caller              the authenticated caller, if any
 * @param origin              the request as policies read it
 */
public record RequestFacts(
        String sessionId,
        String protocolVersion,
        boolean acceptsEventStream,
        String lastEventId,
        String mcpMethod,
        String mcpName,
        Map<String, String> paramHeaders,
        Optional<CallContext.Caller> caller,
        CallOrigin origin) {
}
