package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.mcp.protocol.ToolFilter;
import dev.mcpgateway.gateway.mcp.transport.CallerResolver;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hooks the authentication issue plugs into: a {@link CallerResolver} that reads the caller from the request
 * and a {@link ToolFilter} that hides tools from callers lacking a scope. Here the caller comes from a test header
 * instead of a token.
 */
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-caller")
class CallerHooksTest {

    static final String V = "2025-11-25";

    /** "X-Test-Caller: alice read,admin" stands in for a validated bearer token. */
    @Singleton
    @Requires(property = "spec.name", value = "mcp-proto-caller")
    static class HeaderCallerResolver implements CallerResolver {
        @Override
        public Optional<CallContext.Caller> resolve(HttpRequest<?> request) {
            return Optional.ofNullable(request.getHeaders().get("X-Test-Caller")).map(value -> {
                String[] parts = value.split(" ");
                Set<String> scopes = parts.length > 1 ? Set.of(parts[1].split(",")) : Set.of();
                return new CallContext.Caller(parts[0], scopes, Map.of());
            });
        }
    }

    /** The failing tool is for admins only. */
    @Singleton
    @Requires(property = "spec.name", value = "mcp-proto-caller")
    static class AdminOnlyFail implements ToolFilter {
        @Override
        public boolean visible(dev.mcpgateway.gateway.catalog.ServedMcpServer server,
                               io.modelcontextprotocol.spec.McpSchema.Tool tool, Optional<CallContext.Caller> caller) {
            return !tool.name().equals("fail") || caller.map(c -> c.scopes().contains("admin")).orElse(false);
        }
    }

    @Inject
    EmbeddedServer server;

    String initialize(McpHttpClient client, String caller) {
        HttpResponse<String> response = client.post("/mcp/demo", McpHttpClient.initializeBody(V), Map.of("X-Test-Caller", caller));
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    HttpResponse<String> call(McpHttpClient client, String session, String caller, String body) {
        return client.post("/mcp/demo", body, Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V, "X-Test-Caller", caller));
    }

    @Test
    void theCallerReachesTheTool() {
        McpHttpClient client = new McpHttpClient(server.getURI());
        String session = initialize(client, "alice read");
        JsonNode body = McpHttpClient.json(call(client, session, "alice read",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\"}}").body());
        assertEquals("alice [read]", body.at("/result/content/0/text").asText());
    }

    @Test
    void aSessionBelongsToItsCaller() {
        McpHttpClient client = new McpHttpClient(server.getURI());
        String session = initialize(client, "alice read");
        assertEquals(404, call(client, session, "bob read", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").statusCode());
        assertEquals(200, call(client, session, "alice read", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}").statusCode());
    }

    @Test
    void aHiddenToolIsNeitherListedNorCallable() {
        McpHttpClient client = new McpHttpClient(server.getURI());
        String reader = initialize(client, "carol read");
        String list = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}";
        String callFail = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"fail\"}}";
        assertFalse(call(client, reader, "carol read", list).body().contains("\"fail\""));
        assertEquals(-32602, McpHttpClient.json(call(client, reader, "carol read", callFail).body()).at("/error/code").asInt());
        String admin = initialize(client, "dave admin");
        assertTrue(call(client, admin, "dave admin", list).body().contains("\"fail\""));
        assertTrue(McpHttpClient.json(call(client, admin, "dave admin", callFail).body()).at("/result/isError").asBoolean());
    }

    @Test
    void statelessListsForAKnownCallerArePrivateToIt() {
        McpHttpClient client = new McpHttpClient(server.getURI());
        HttpResponse<String> response = client.post("/mcp/demo", StatelessProtocolTest.body(1, "tools/list", "{}", "2026-07-28"),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list", "X-Test-Caller", "erin read"));
        assertEquals("private", McpHttpClient.json(response.body()).at("/result/cacheScope").asText());
    }
}
