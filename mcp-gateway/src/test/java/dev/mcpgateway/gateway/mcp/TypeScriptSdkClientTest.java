package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.mcp.session.SessionStore;
import dev.mcpgateway.testsupport.NodeTools;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official MCP TypeScript SDK client (npm @modelcontextprotocol/sdk 1.32.2) against the gateway, over Streamable
 * HTTP and over the legacy SSE transport: it initializes, lists and calls tools, and hears tools/list_changed.
 */
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-ts-sdk")
class TypeScriptSdkClientTest {

    @Inject
    EmbeddedServer server;
    @Inject
    FixtureCatalog catalog;
    @Inject
    SessionStore sessions;

    @Test
    void overStreamableHttp() throws Exception {
        listsCallsAndHearsListChanged("streamable", "demo", "/mcp/demo", "2025-11-25");
    }

    @Test
    void overLegacySse() throws Exception {
        listsCallsAndHearsListChanged("sse", "other", "/mcp/other/sse", "2025-11-25");
    }

    private void listsCallsAndHearsListChanged(String kind, String serverName, String path, String version)
            throws Exception {
        Path script = Path.of(getClass().getResource("/node/ts-sdk-client.mjs").toURI());
        String url = server.getURI().resolve(path).toString();
        CompletableFuture<NodeTools.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return NodeTools.run(script, List.of(url, kind), Map.of(), Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The change must come while the client listens: wait until its stream is open, then change the tools.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (System.nanoTime() < deadline && !run.isDone() && !listening(serverName)) {
            Thread.sleep(50);
        }
        catalog.addTool(serverName, "added_by_admin");
        NodeTools.Result result = run.get(70, TimeUnit.SECONDS);
        assertTrue(result.succeeded(), result.output());
        String line = result.output().lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(
                () -> new AssertionError(result.output()));
        JsonNode summary = McpHttpClient.json(line.substring("RESULT ".length()));

        assertEquals(serverName, summary.at("/server/name").asText());
        assertTrue(summary.at("/capabilities/tools/listChanged").asBoolean());
        assertEquals("echo: from typescript", summary.path("echo").asText());
        assertEquals("counted to 3", summary.path("count").asText());
        assertEquals(3, summary.path("progress").size());
        assertEquals(3, summary.path("progress").get(2).asInt());
        assertTrue(summary.path("failIsError").asBoolean());
        assertEquals(-32602, summary.path("unknownTool").asInt());
        assertTrue(summary.path("listChanged").asBoolean(), "tools/list_changed reached the client");
        assertTrue(summary.path("toolsAfter").toString().contains("added_by_admin"));
        if (kind.equals("streamable")) {
            assertEquals(version, summary.path("protocolVersion").asText());
        }
    }

    private boolean listening(String serverName) {
        // The client hears server notifications once its standalone stream (GET, or the SSE connection) is open.
        return sessions.sessionsOf(serverName).stream().anyMatch(s -> s.standaloneStream().isAttached());
    }
}
