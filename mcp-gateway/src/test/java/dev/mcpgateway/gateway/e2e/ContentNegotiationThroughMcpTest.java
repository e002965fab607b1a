package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.MiniMcpClient;
import dev.mcpgateway.gateway.fixtures.SdkClientScript;
import dev.mcpgateway.testsupport.NegotiatingHttpServer;
import dev.mcpgateway.testsupport.NegotiatingHttpServer.Representation;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway path of content negotiation: the Accept compiled at import reaches a negotiating backend as the only
 * Accept (the MCP client's own never does, the credential does not disturb it), and the official TypeScript SDK
 * client gets a usable result even when the backend answers in a media type the tool did not declare.
 */
class ContentNegotiationThroughMcpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Negotiation", "version": "1"},
             "paths": {
              "/json-or-xml": {"get": {"operationId": "getJsonOrXml", "responses": {"200": {"description": "ok",
                "content": {"application/xml": {"schema": {"type": "object"}},
                            "application/json": {"schema": {"type": "object",
                              "properties": {"id": {"type": "integer"}}}}}}}}},
              "/xml": {"get": {"operationId": "getXml", "responses": {"200": {"description": "ok",
                "content": {"application/xml": {"schema": {"type": "string"}}}}}}},
              "/photo": {"get": {"operationId": "getPhoto", "responses": {"200": {"description": "ok",
                "content": {"application/json": {"schema": {"type": "object",
                  "properties": {"url": {"type": "string"}}}}}}}}}}}
            """;

    private static NegotiatingHttpServer backend;
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        Representation json = Representation.of("application/json", "{\"id\":1}");
        Representation xml = Representation.of("application/xml", "<item><id>1</id></item>");
        backend = NegotiatingHttpServer.start()
                .negotiate("/json-or-xml", xml, json)
                .negotiate("/xml", xml, json)
                .always("/photo", new Representation("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        gateway = GatewayFixture.start(dataDir, Map.of());
        String api = "{\"openapi\": " + JSON.writeValueAsString(SPEC) + ", \"serviceUrl\": \"" + backend.baseUri()
                + "\", \"credentials\": {\"type\": \"bearer\", \"token\": \"backend-token\"}}";
        assertEquals(201, gateway.admin("PUT", "/admin/apis/neg", api).status());
        assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/neg", "{\"apiId\": \"neg\"}").status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.close();
    }

    @Test
    void theBackendReceivesTheCompiledAcceptAloneAndAnswersJson() throws Exception {
        MiniMcpClient client = new MiniMcpClient(HttpClient.newHttpClient(), gateway.uri("/mcp/neg"));
        client.initialize();
        JsonNode result = client.call("getJsonOrXml", "{}");
        assertEquals(List.of("application/json, application/xml;q=0.9"), backend.lastAccept());
        assertEquals(List.of("Bearer backend-token"), backend.received().getLast().header("authorization"));
        assertFalse(result.path("isError").asBoolean(false), result.toString());
        assertEquals(1, result.path("structuredContent").path("id").asInt(), result.toString());
    }

    @Test
    void theOfficialClientGetsAResultForEveryMediaTypeTheBackendChooses() throws Exception {
        JsonNode out = runClient();
        assertEquals(List.of("getJsonOrXml", "getXml", "getPhoto"),
                List.of(out.get("tools").get(0).asText(), out.get("tools").get(1).asText(),
                        out.get("tools").get(2).asText()));

        JsonNode jsonOrXml = out.get("getJsonOrXml");
        assertFalse(jsonOrXml.get("thrown").asBoolean(), jsonOrXml.toString());
        assertEquals(1, jsonOrXml.get("structured").get("id").asInt());

        JsonNode xml = out.get("getXml");
        assertFalse(xml.get("thrown").asBoolean(), xml.toString());
        assertFalse(xml.get("isError").asBoolean());
        assertEquals("[\"text\"]", xml.get("types").toString());

        // an image where JSON is declared: an error result carrying the image, not a rejected response
        JsonNode photo = out.get("getPhoto");
        assertFalse(photo.get("thrown").asBoolean(), photo.toString());
        assertTrue(photo.get("isError").asBoolean());
        assertEquals("[\"text\",\"image:image/png\"]", photo.get("types").toString());
    }

    private static JsonNode runClient() throws Exception {
        return SdkClientScript.run("/node/negotiation-client.mjs", List.of(gateway.uri("/mcp/neg").toString()));
    }
}
