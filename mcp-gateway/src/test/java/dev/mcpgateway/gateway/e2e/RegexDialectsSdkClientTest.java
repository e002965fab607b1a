package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.SdkClientScript;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose patterns are written for Java / PCRE ({@code \-\_} in a class, {@code \A...\z}, {@code [\w-.+]},
 * {@code \p{Alnum}}, {@code arn\:aws}, {@code (?i)}, and a Unicode block no ECMA-262 regex can name), served by the
 * gateway and used through the official MCP TypeScript SDK client, which compiles every schema with Ajv in unicode
 * mode: the client lists every tool, calls them, and the pattern it was not shown is still enforced by the gateway.
 */
class RegexDialectsSdkClientTest {

    private static EchoHttpServer backend;
    private static GatewayFixture gateway;
    private static JsonNode out;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        backend = EchoHttpServer.start();
        gateway = GatewayFixture.start(dataDir, Map.of());
        assertEquals(201, gateway.admin("PUT", "/admin/apis/dialects", "{\"openapi\": "
                + "\"classpath:specs/regex-dialects.yaml\", \"serviceUrl\": \"" + backend.baseUri() + "\"}").status());
        int status = gateway.admin("PUT", "/admin/mcp-servers/dialects", "{\"apiId\": \"dialects\"}").status();
        assertTrue(status == 200 || status == 201);
        out = runClient();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.close();
    }

    @Test
    void theClientListsEveryToolWithSchemasItCompiled() {
        assertEquals(List.of("putThing", "listNotes"), out.get("tools").findValuesAsText("name"));
        JsonNode properties = tool("putThing").get("inputSchema").get("properties");
        assertEquals("^[a-zA-Z0-9\\-_\\.]{1,50}$", properties.get("thingId").get("pattern").asText());
        assertEquals("^[a-zA-Z0-9]{3}$", properties.get("code").get("pattern").asText());
        assertEquals("^[\\w\\-.+]+@example\\.com$", properties.get("email").get("pattern").asText());
        // no ECMA-262 form: not in the schema, but in the description the model reads
        assertNull(properties.get("label").get("pattern"));
        assertEquals("A label in plain ASCII. Pattern: ^\\p{InBasicLatin}+$",
                properties.get("label").get("description").asText());
    }

    @Test
    void aValidCallSucceedsAndItsResultMatchesTheRewrittenOutputSchema() {
        JsonNode valid = out.get("valid");
        assertNull(valid.get("thrown"), valid.toString());
        assertFalse(valid.get("isError").asBoolean(), valid.toString());
        assertEquals("PUT", valid.get("structured").get("method").asText());
        assertEquals("/things/a-b_c.d", valid.get("structured").get("path").asText());
        JsonNode notes = out.get("notes");
        assertFalse(notes.get("isError").asBoolean(), notes.toString());
        assertEquals("tag=MixedCase", notes.get("structured").get("query").asText());
    }

    @Test
    void aPatternClientsWereNotShownIsStillEnforcedByTheGateway() {
        JsonNode bad = out.get("badLabel");
        assertTrue(bad.get("isError").asBoolean(), bad.toString());
        assertTrue(bad.get("text").asText().contains("label"), bad.toString());
        assertTrue(backend.received().stream().noneMatch(r -> r.bodyText().contains("caf")),
                "the rejected call reached the backend");
    }

    @Test
    void rewrittenPatternsAreEnforcedWithTheirJavaMeaning() {
        JsonNode badThingId = out.get("badThingId");
        assertTrue(badThingId.get("isError").asBoolean(), badThingId.toString());
        assertTrue(badThingId.get("text").asText().contains("thingId"), badThingId.toString());
        JsonNode badTag = out.get("badTag");
        assertTrue(badTag.get("isError").asBoolean(), badTag.toString());
        assertTrue(badTag.get("text").asText().contains("tag"), badTag.toString());
    }

    private static JsonNode tool(String name) {
        for (JsonNode tool : out.get("tools")) {
            if (tool.get("name").asText().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name);
    }

    private static JsonNode runClient() throws Exception {
        return SdkClientScript.run("/node/regex-dialects-client.mjs", List.of(gateway.uri("/mcp/dialects").toString()));
    }
}
