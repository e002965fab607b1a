package dev.mcpgateway.gateway.mcp.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.catalog.ToolCall;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which requests may send notifications before their result, and so need the stream-on-demand path. */
class MayNotifyTest {

    private static final ServedMcpServer SILENT = server(false);
    private static final ServedMcpServer LOGGING = server(true);

    @Test
    void aCallWithoutProgressTokenToAServerThatNeverLogsCannotNotify() {
        assertFalse(McpDispatcher.mayNotify(SILENT, call(Map.of("name", "t"))));
        assertFalse(McpDispatcher.mayNotify(SILENT, call(Map.of("name", "t", "_meta", Map.of()))));
    }

    @Test
    void aProgressTokenMeansTheCallMayNotify() {
        assertTrue(McpDispatcher.mayNotify(SILENT, call(Map.of("name", "t", "_meta", Map.of("progressToken", 7)))));
    }

    @Test
    void aNullProgressTokenIsNoToken() {
        Map<String, Object> meta = new HashMap<>();
        meta.put("progressToken", null);
        assertFalse(McpDispatcher.mayNotify(SILENT, call(Map.of("name", "t", "_meta", meta))));
    }

    @Test
    void anyCallToAServerWhoseToolsLogMayNotify() {
        assertTrue(McpDispatcher.mayNotify(LOGGING, call(Map.of("name", "t"))));
    }

    @Test
    void otherMethodsNeverNotify() {
        assertFalse(McpDispatcher.mayNotify(LOGGING,
                new JSONRPCRequest(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_TOOLS_LIST, 1, null)));
    }

    private static JSONRPCRequest call(Map<String, Object> params) {
        return new JSONRPCRequest(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_TOOLS_CALL, 1, params);
    }

    private static ServedMcpServer server(boolean logs) {
        return new ServedMcpServer() {
            @Override
            public String name() {
                return "s";
            }

            @Override
            public McpSchema.Implementation serverInfo() {
                return new McpSchema.Implementation("s", "1");
            }

            @Override
            public Optional<String> instructions() {
                return Optional.empty();
            }

            @Override
            public List<McpSchema.Tool> tools() {
                return List.of();
            }

            @Override
            public McpSchema.CallToolResult call(ToolCall call) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public boolean logsDuringCalls() {
                return logs;
            }
        };
    }
}
