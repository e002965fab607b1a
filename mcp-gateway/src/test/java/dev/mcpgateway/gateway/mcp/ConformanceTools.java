package dev.mcpgateway.gateway.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;

/**
 * The fixture tools the MCP conformance suite's server scenarios call, answering what each scenario expects. A real
 * gateway serves these through its catalog in the same way: the protocol layer cannot tell the difference.
 */
final class ConformanceTools {

    /** A 1x1 red PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    /** A 44-byte silent WAV header with no samples. */
    private static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=";

    private ConformanceTools() {
    }

    static FixtureServer server(String name) {
        FixtureServer server = new FixtureServer(name);
        server.tool(FixtureServer.tool("test_simple_text", Map.of(), List.of()),
                call -> FixtureServer.text("This is a simple text response for testing."));
        server.tool(FixtureServer.tool("test_image_content", Map.of(), List.of()),
                call -> result(new McpSchema.ImageContent(null, PNG, "image/png")));
        server.tool(FixtureServer.tool("test_audio_content", Map.of(), List.of()),
                call -> result(new McpSchema.AudioContent(null, WAV, "audio/wav")));
        server.tool(FixtureServer.tool("test_embedded_resource", Map.of(), List.of()),
                call -> result(new McpSchema.EmbeddedResource(null, new McpSchema.TextResourceContents(
                        "test://embedded-resource", "text/plain", "This is an embedded resource content."))));
        server.tool(FixtureServer.tool("test_multiple_content_types", Map.of(), List.of()),
                call -> CallToolResult.builder()
                        .addTextContent("Multiple content types test:")
                        .addContent(new McpSchema.ImageContent(null, PNG, "image/png"))
                        .addContent(new McpSchema.EmbeddedResource(null, new McpSchema.TextResourceContents(
                                "test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}")))
                        .isError(false).build());
        server.tool(FixtureServer.tool("test_error_handling", Map.of(), List.of()),
                call -> CallToolResult.builder().addTextContent("This tool intentionally returns an error for testing")
                        .isError(true).build());
        server.tool(FixtureServer.tool("test_tool_with_progress", Map.of(), List.of()), call -> {
            call.context().progress(0, 100.0, null);
            FixtureServer.sleep(50);
            call.context().progress(50, 100.0, null);
            FixtureServer.sleep(50);
            call.context().progress(100, 100.0, null);
            return FixtureServer.text("Progress tool completed");
        });
        server.tool(FixtureServer.tool("test_tool_with_logging", Map.of(), List.of()),
                call -> FixtureServer.text("Logging tool completed (the gateway's tools send no log messages)"));
        Map<String, Object> schema2020 = Map.of(
                "$schema", "https://json-schema.org/draft/2020-12/schema",
                "type", "object",
                "$defs", Map.of("address", Map.of("type", "object", "properties",
                        Map.of("street", Map.of("type", "string"), "city", Map.of("type", "string")))),
                "properties", Map.of("name", Map.of("type", "string"), "address", Map.of("$ref", "#/$defs/address")),
                "additionalProperties", false);
        server.tool(Tool.builder("json_schema_2020_12_tool", schema2020)
                        .description("Tool with JSON Schema 2020-12 features").build(),
                call -> FixtureServer.text("ok"));
        return server;
    }

    private static CallToolResult result(McpSchema.Content content) {
        return CallToolResult.builder().content(List.of(content)).isError(false).build();
    }
}
