package dev.mcpgateway.gateway.mcp;

import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.catalog.ToolCall;
import dev.mcpgateway.gateway.catalog.UnknownToolException;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** One in-memory MCP server of the fixture catalog: tools are functions of the call. */
public final class FixtureServer implements ServedMcpServer {

    private final String name;
    private final List<Tool> tools = new CopyOnWriteArrayList<>();
    private final Map<String, Function<ToolCall, CallToolResult>> handlers = new ConcurrentHashMap<>();
    /** Calls of {@code wait_for_cancel} that saw their cancellation, for the tests to await. */
    public final CountDownLatch cancelSeen = new CountDownLatch(1);

    FixtureServer(String name) {
        this.name = name;
    }

    static FixtureServer demo(String name) {
        FixtureServer server = new FixtureServer(name);
        server.tool(tool("echo", Map.of("text", Map.of("type", "string")), List.of("text")),
                call -> text("echo: " + call.arguments().get("text")));
        server.tool(tool("fail", Map.of(), List.of()),
                call -> CallToolResult.builder().addTextContent("upstream answered 500").isError(true).build());
        server.tool(tool("boom", Map.of(), List.of()), call -> {
            throw new IllegalStateException("secret internal detail");
        });
        server.tool(tool("count", Map.of("to", Map.of("type", "integer")), List.of("to")), call -> {
            int to = ((Number) call.arguments().get("to")).intValue();
            for (int i = 1; i <= to; i++) {
                call.context().progress(i, (double) to, "step " + i);
            }
            return text("counted to " + to);
        });
        server.tool(tool("wait_for_cancel", Map.of(), List.of()), call -> {
            call.context().progress(0, null, "waiting");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!call.context().isCancelled() && System.nanoTime() < deadline) {
                sleep(10);
            }
            if (call.context().isCancelled()) {
                server.cancelSeen.countDown();
            }
            return text(call.context().isCancelled() ? "cancelled" : "not cancelled");
        });
        Map<String, Object> region = Map.of("type", "string", "x-mcp-header", "Region");
        server.tool(tool("regional", Map.of("region", region, "query", Map.of("type", "string")), List.of("query")),
                call -> text("region " + call.arguments().get("region")));
        return server;
    }

    static FixtureServer many(String name, int count) {
        FixtureServer server = new FixtureServer(name);
        for (int i = 0; i < count; i++) {
            String toolName = String.format("tool_%03d", i);
            server.tool(tool(toolName, Map.of(), List.of()), call -> text(toolName));
        }
        return server;
    }

    void tool(Tool tool, Function<ToolCall, CallToolResult> handler) {
        tools.add(tool);
        handlers.put(tool.name(), handler);
    }

    void addTool(String toolName) {
        tool(tool(toolName, Map.of(), List.of()), call -> text(toolName));
    }

    static Tool tool(String name, Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = Map.of("type", "object", "properties", properties, "required", required);
        return Tool.builder(name, schema).description("fixture tool " + name)
                .annotations(new McpSchema.ToolAnnotations(name, false, true, false, true, null)).build();
    }

    static CallToolResult text(String text) {
        return CallToolResult.builder().content(List.of(new TextContent(text))).isError(false).build();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public McpSchema.Implementation serverInfo() {
        return new McpSchema.Implementation(name, "1.0.0");
    }

    @Override
    public Optional<String> instructions() {
        return Optional.of("Fixture server " + name);
    }

    @Override
    public List<Tool> tools() {
        return new ArrayList<>(tools);
    }

    @Override
    public CallToolResult call(ToolCall call) throws UnknownToolException {
        Function<ToolCall, CallToolResult> handler = handlers.get(call.toolName());
        if (handler == null) {
            throw new UnknownToolException(call.toolName());
        }
        return handler.apply(call);
    }
}
