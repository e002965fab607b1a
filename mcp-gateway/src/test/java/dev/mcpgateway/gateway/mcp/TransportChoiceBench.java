package dev.mcpgateway.gateway.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.catalog.CallOrigin;
import dev.mcpgateway.gateway.mcp.protocol.InFlightCalls;
import dev.mcpgateway.gateway.mcp.protocol.McpDispatcher;
import dev.mcpgateway.gateway.mcp.protocol.RequestScope;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The measurement behind ADR 0002: the MCP Java SDK's own server (its stateless handler, the cheapest of its server
 * flavours) against the gateway's dispatcher, both answering from the same tools, in process (no HTTP on either
 * side: the HTTP layer would be Micronaut's in both designs). Run with {@code -Pbench}; it prints figures only.
 */
@Tag("bench")
class TransportChoiceBench {

    static final int TOOLS = 100;
    static final int SERVERS = 500;
    final McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());

    @Test
    void dispatchCostAndPerServerFootprint() {
        FixtureServer fixture = FixtureServer.many("bench", TOOLS);
        fixture.tool(FixtureServer.tool("echo", Map.of("text", Map.of("type", "string")), List.of("text")),
                call -> FixtureServer.text("echo: " + call.arguments().get("text")));
        McpStatelessServerHandler sdk = sdkHandler(fixture);
        McpDispatcher ours = new McpDispatcher(mapper, TOOLS + 1);
        RequestScope scope = new RequestScope("2025-11-25", false, Optional.empty(), n -> { }, new InFlightCalls(), l -> { },
                () -> null, CallOrigin.NONE);

        JSONRPCRequest call = new JSONRPCRequest(McpSchema.JSONRPC_VERSION, "tools/call", 1,
                Map.of("name", "echo", "arguments", Map.of("text", "hi")));
        JSONRPCRequest list = new JSONRPCRequest(McpSchema.JSONRPC_VERSION, "tools/list", 2, Map.of());
        for (JSONRPCRequest request : List.of(call, list)) {
            double sdkNs = nanosPerOp(() -> sdk.handleRequest(McpTransportContext.EMPTY, request).block());
            double ourNs = nanosPerOp(() -> {
                try {
                    return ours.handle(fixture, request, scope, List.of());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.printf("BENCH %s: sdk stateless server %.0f ns/op, gateway dispatcher %.0f ns/op (%.1fx)%n",
                    request.method(), sdkNs, ourNs, sdkNs / ourNs);
        }

        // One SDK server object per MCP server (each holding its own copy of the tool specifications).
        List<FixtureServer> catalog = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            catalog.add(FixtureServer.many("s" + i, 50));
        }
        System.gc();
        long before = usedHeap();
        long start = System.nanoTime();
        List<McpStatelessSyncServer> servers = new ArrayList<>();
        for (FixtureServer server : catalog) {
            servers.add(sdkServer(server, new AtomicReference<>()));
        }
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapKb = (usedHeap() - before) / 1024;
        System.out.printf("BENCH %d SDK servers x 50 tools: built in %d ms, %d KiB heap on top of the catalog; "
                + "gateway: 0 per-server protocol objects%n", servers.size(), buildMs, heapKb);
        servers.forEach(McpStatelessSyncServer::close);
    }

    McpStatelessServerHandler sdkHandler(FixtureServer fixture) {
        AtomicReference<McpStatelessServerHandler> handler = new AtomicReference<>();
        sdkServer(fixture, handler);
        return handler.get();
    }

    McpStatelessSyncServer sdkServer(FixtureServer fixture, AtomicReference<McpStatelessServerHandler> handler) {
        McpStatelessServerTransport transport = new McpStatelessServerTransport() {
            @Override
            public void setMcpHandler(McpStatelessServerHandler h) {
                handler.set(h);
            }

            @Override
            public Mono<Void> closeGracefully() {
                return Mono.empty();
            }
        };
        List<SyncToolSpecification> tools = fixture.tools().stream()
                .map(tool -> new SyncToolSpecification(tool, (ctx, request) -> {
                    try {
                        return fixture.call(new dev.mcpgateway.gateway.catalog.ToolCall(request.name(),
                                request.arguments(), dev.mcpgateway.gateway.catalog.CallContext.NONE));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        return McpServer.sync(transport).jsonMapper(mapper).validateToolInputs(false)
                .serverInfo(fixture.serverInfo()).capabilities(McpDispatcher.CAPABILITIES).tools(tools).build();
    }

    static double nanosPerOp(java.util.function.Supplier<Object> op) {
        for (int i = 0; i < 50_000; i++) {
            op.get();
        }
        int n = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.get();
        }
        return (System.nanoTime() - start) / (double) n;
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
