package dev.mcpgateway.gateway.mcp.stateless;

import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.mcp.protocol.JsonRpcErrors;
import dev.mcpgateway.gateway.mcp.protocol.McpProtocolException;
import dev.mcpgateway.gateway.mcp.protocol.ProtocolVersions;
import dev.mcpgateway.gateway.mcp.protocol.RequestFacts;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checks 2026-07-28 puts on every request before it runs: a version we serve (-32022), and headers that agree
 * with the body (-32020), so that intermediaries routing on headers and the gateway acting on the body agree.
 */
final class RequestChecks {

    private RequestChecks() {
    }

    static void check(ServedMcpServer server, JSONRPCRequest request, RequestFacts facts) throws McpProtocolException {
        String metaVersion = StatelessExchange.metaVersion(request);
        String version = metaVersion != null ? metaVersion : facts.protocolVersion();
        if (!ProtocolVersions.V2026_07_28.equals(version)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("supported", ProtocolVersions.ALL);
            data.put("requested", version);
            throw new McpProtocolException(JsonRpcErrors.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version",
                    data, 400);
        }
        if (facts.protocolVersion() == null || !facts.protocolVersion().equals(metaVersion)) {
            throw mismatch("MCP-Protocol-Version header must equal _meta " + StatelessExchange.META_VERSION);
        }
        if (facts.mcpMethod() == null || !facts.mcpMethod().equals(request.method())) {
            throw mismatch("Mcp-Method header must equal the request's method");
        }
        if (McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
            Map<?, ?> params = request.params() instanceof Map<?, ?> map ? map : Map.of();
            Object name = params.get("name");
            Optional<String> header = Optional.ofNullable(facts.mcpName()).flatMap(HeaderValues::decode);
            if (!(name instanceof String) || header.isEmpty() || !header.get().equals(name)) {
                throw mismatch("Mcp-Name header must equal params.name");
            }
            checkParamHeaders(server, (String) name, params.get("arguments"), facts);
        }
    }

    private static void checkParamHeaders(ServedMcpServer server, String toolName, Object arguments, RequestFacts facts)
            throws McpProtocolException {
        Optional<McpSchema.Tool> tool = server.tools().stream().filter(t -> t.name().equals(toolName)).findFirst();
        if (tool.isEmpty()) {
            return; // the call itself answers -32602
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> args = arguments instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        for (HeaderParams.Param param : HeaderParams.of(tool.get())) {
            Optional<Object> value = HeaderParams.valueAt(args, param.path());
            String raw = facts.paramHeaders().get(param.header());
            if (value.isEmpty() && raw == null) {
                continue;
            }
            Optional<String> decoded = raw == null ? Optional.empty() : HeaderValues.decode(raw);
            if (value.isEmpty() || decoded.isEmpty() || !HeaderValues.matches(decoded.get(), value.get())) {
                throw mismatch("Mcp-Param-" + param.header() + " header must mirror argument " + String.join(".", param.path()));
            }
        }
    }

    private static McpProtocolException mismatch(String message) {
        return new McpProtocolException(JsonRpcErrors.HEADER_MISMATCH, "Header mismatch: " + message, null, 400);
    }
}
