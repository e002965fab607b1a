package dev.mcpgateway.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefinitionCodecTest {

    private final ObjectMapper json = new ObjectMapper();
    private final DefinitionCodec codec = new DefinitionCodec(json);

    private JsonNode tree(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void anApiSurvivesTheStoreRoundTrip() throws Exception {
        ApiDefinition api = codec.parseApi("orders", tree("""
                {"openapi": "https://example.com/openapi.json", "serviceUrl": "https://orders.example.com/v2",
                 "credentials": {"type": "apiKey", "name": "X-Key", "value": "${ORDERS_KEY}"}, "timeoutMillis": 5000,
                 "serverVariables": {"region": "eu"}, "maxResponseBytes": 65536}
                """), null);
        assertEquals(api, codec.parseApi("orders", codec.toJson(api), null));
    }

    @Test
    void aServerSurvivesTheStoreRoundTrip() throws Exception {
        McpServerDefinition server = codec.parseServer("orders", tree("""
                {"apiId": "orders", "operations": ["b", "a"], "tools": {"a": {"name": "alpha"}}, "mode": "compact"}
                """));
        McpServerDefinition again = codec.parseServer("orders", codec.toJson(server));
        assertEquals(server, again);
        assertEquals(Optional.of(List.of("b", "a")), again.operations());
    }

    @Test
    void anInlineJsonDocumentIsKeptAsText() throws Exception {
        ApiDefinition api = codec.parseApi("x", tree("{\"openapi\": {\"openapi\": \"3.0.3\", \"paths\": {}}}"), null);
        assertTrue(api.openapi().startsWith("{"));
    }

    @Test
    void aRelativeSpecPathIsResolvedAgainstTheConfigFolderButUrlsAndClasspathAreNot() throws Exception {
        Path base = Path.of("/etc/gateway");
        assertEquals("/etc/gateway/specs/a.yaml",
                codec.parseApi("a", tree("{\"openapi\": \"specs/a.yaml\"}"), base).openapi());
        assertEquals("classpath:specs/a.yaml",
                codec.parseApi("a", tree("{\"openapi\": \"classpath:specs/a.yaml\"}"), base).openapi());
        assertEquals("https://x/a.yaml", codec.parseApi("a", tree("{\"openapi\": \"https://x/a.yaml\"}"), base)
                .openapi());
    }

    @Test
    void aServiceUrlWithAReferenceIsCheckedOnlyOnceResolved() throws Exception {
        for (String url : List.of("{{orders-url}}", "${ORDERS_URL}", "https://${ORDERS_HOST}/v2")) {
            assertEquals(Optional.of(url), codec.parseApi("a", tree("{\"openapi\": \"x.yaml\", \"serviceUrl\": \""
                    + url + "\"}"), null).serviceUrl());
        }
    }

    @Test
    void errorsNameTheField() {
        assertEquals("timeoutMillis", assertThrows(InvalidDefinitionException.class, () -> codec.parseApi("a",
                tree("{\"openapi\": \"x.yaml\", \"timeoutMillis\": -1}"), null)).field());
        assertEquals("serviceUrl", assertThrows(InvalidDefinitionException.class, () -> codec.parseApi("a",
                tree("{\"openapi\": \"x.yaml\", \"serviceUrl\": \"ftp://x\"}"), null)).field());
        assertEquals("operations[1]", assertThrows(InvalidDefinitionException.class, () -> codec.parseServer("s",
                tree("{\"apiId\": \"a\", \"operations\": [\"x\", \"x\"]}"))).field());
        assertEquals("tools.x.name", assertThrows(InvalidDefinitionException.class, () -> codec.parseServer("s",
                tree("{\"apiId\": \"a\", \"tools\": {\"x\": {\"name\": 3}}}"))).field());
        assertEquals("tools.x.title", assertThrows(InvalidDefinitionException.class, () -> codec.parseServer("s",
                tree("{\"apiId\": \"a\", \"tools\": {\"x\": {\"title\": \"t\"}}}"))).field());
        assertEquals("name", assertThrows(InvalidDefinitionException.class, () -> codec.parseServer("../etc",
                tree("{\"apiId\": \"a\"}"))).field());
    }

    @Test
    void toStringNeverShowsCredentialValues() throws Exception {
        ApiDefinition api = new ApiDefinition("a", "x.yaml", Optional.empty(),
                Map.of("type", "bearer", "token", "LITERAL-SECRET"), Optional.empty());
        assertFalse(api.toString().contains("LITERAL-SECRET"), api.toString());
    }
}
