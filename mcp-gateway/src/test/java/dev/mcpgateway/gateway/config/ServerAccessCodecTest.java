package dev.mcpgateway.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code auth} block of an MCP server definition: read, hashed, written back, and errors naming the field. */
class ServerAccessCodecTest {

    private final ObjectMapper json = new ObjectMapper();
    private final DefinitionCodec codec = new DefinitionCodec(json);

    private McpServerDefinition parse(String body) throws Exception {
        return codec.parseServer("s", json.readTree(body));
    }

    @Test
    void withoutAuthTheServerTakesTheGatewayDefault() throws Exception {
        McpServerDefinition server = parse("{\"apiId\":\"a\"}");
        assertEquals(ServerAccess.DEFAULT, server.access());
        assertFalse(codec.toJson(server).has("auth"));
    }

    @Test
    void subscriptionKeysAreHashedWhenReadAndStayHashedThroughTheStore() throws Exception {
        McpServerDefinition server = parse("{\"apiId\":\"a\",\"auth\":{\"mode\":\"subscription-key\","
                + "\"keys\":[\"k-clear\"]}}");
        assertEquals(Optional.of(ServerAccess.Mode.SUBSCRIPTION_KEY), server.access().mode());
        assertEquals(List.of(ServerAccess.hash("k-clear")), server.access().keyHashes());
        String stored = codec.toJson(server).toString();
        assertFalse(stored.contains("k-clear"), stored);
        McpServerDefinition reloaded = codec.parseServer("s", codec.toJson(server));
        assertEquals(server, reloaded, "a stored hash is not hashed again");
        assertTrue(reloaded.access().acceptsKey("k-clear"));
        assertFalse(reloaded.access().acceptsKey("k-other"));
        assertFalse(server.access().toString().contains("sha256"), "toString shows no key material");
    }

    @Test
    void modesAreNamedAsInTheDocs() throws Exception {
        assertEquals(Optional.of(ServerAccess.Mode.OAUTH), parse("{\"apiId\":\"a\",\"auth\":{\"mode\":\"oauth\"}}")
                .access().mode());
        assertEquals(Optional.of(ServerAccess.Mode.NONE), parse("{\"apiId\":\"a\",\"auth\":{\"mode\":\"none\"}}")
                .access().mode());
    }

    @Test
    void mistakesNameTheField() {
        assertEquals("auth.mode", assertThrows(InvalidDefinitionException.class,
                () -> parse("{\"apiId\":\"a\",\"auth\":{\"mode\":\"basic\"}}")).field());
        assertEquals("auth.keys", assertThrows(InvalidDefinitionException.class,
                () -> parse("{\"apiId\":\"a\",\"auth\":{\"mode\":\"subscription-key\"}}")).field());
        assertEquals("auth.keys[0]", assertThrows(InvalidDefinitionException.class,
                () -> parse("{\"apiId\":\"a\",\"auth\":{\"mode\":\"subscription-key\",\"keys\":[\"\"]}}")).field());
        assertEquals("auth.key", assertThrows(InvalidDefinitionException.class,
                () -> parse("{\"apiId\":\"a\",\"auth\":{\"key\":\"x\"}}")).field());
    }
}
