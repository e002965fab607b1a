package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.DefinitionCodec;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import dev.mcpgateway.gateway.fixtures.MiniMcpClient;
import dev.mcpgateway.openapi.UnionBodies;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unionBodies: split} on an API definition: one tool per request body variant, selected and renamed in a
 * server definition through the operation or {@code operation#variant}, each call reaching the one operation
 * with the discriminator set.
 */
class VariantToolsThroughMcpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"},
             "components": {"schemas": {
               "Cat": {"type": "object", "required": ["petType", "name"],
                       "properties": {"petType": {"type": "string"}, "name": {"type": "string"}}},
               "Dog": {"type": "object", "required": ["petType", "name"],
                       "properties": {"petType": {"type": "string"}, "name": {"type": "string"},
                                      "barks": {"type": "boolean"}}}}},
             "paths": {"/pets": {"post": {"operationId": "createPet",
               "requestBody": {"required": true, "content": {"application/json": {"schema": {
                 "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                 "discriminator": {"propertyName": "petType"}}}}},
               "responses": {"201": {"description": "created"}}}}}}
            """;

    private static EchoHttpServer echo;
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        echo = EchoHttpServer.start();
        gateway = GatewayFixture.start(dataDir, Map.of());
        Response api = gateway.admin("PUT", "/admin/apis/pets", "{\"openapi\": " + JSON.writeValueAsString(SPEC)
                + ", \"serviceUrl\": \"" + echo.baseUri() + "\", \"unionBodies\": \"split\"}");
        assertEquals(201, api.status(), api.body());
        assertEquals("split", api.json().get("unionBodies").asText());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        echo.close();
    }

    private static List<String> toolNames(String server) throws Exception {
        MiniMcpClient client = new MiniMcpClient(HttpClient.newHttpClient(), gateway.uri("/mcp/" + server));
        client.initialize();
        List<String> names = new ArrayList<>();
        client.listTools().forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    @Test
    void listsTheVariantToolsUnderOperationHashVariant() throws Exception {
        JsonNode operations = gateway.admin("GET", "/admin/apis/pets/operations", null).json().get("value");
        assertEquals(List.of("createPet#Cat", "createPet#Dog"),
                List.of(operations.get(0).get("operationId").asText(), operations.get(1).get("operationId").asText()));
    }

    @Nested
    class WhenAServerSelectsTheOperation {

        @Test
        void servesEveryVariantAndEachCallSetsTheDiscriminator() throws Exception {
            assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/pets",
                    "{\"apiId\": \"pets\", \"operations\": [\"createPet\"]}").status());
            assertEquals(List.of("createPet_Cat", "createPet_Dog"), toolNames("pets"));

            MiniMcpClient client = new MiniMcpClient(HttpClient.newHttpClient(), gateway.uri("/mcp/pets"));
            client.initialize();
            JsonNode result = client.call("createPet_Dog", "{\"name\": \"Rex\", \"barks\": true}");
            assertFalse(result.path("isError").asBoolean(false), result.toString());
            assertEquals("/pets", echo.last().rawPath());
            assertEquals("{\"name\":\"Rex\",\"barks\":true,\"petType\":\"Dog\"}", echo.last().bodyText());
        }
    }

    @Nested
    class WhenAServerSelectsOneVariant {

        @Test
        void servesThatVariantUnderTheNameItGivesIt() throws Exception {
            assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/cats", "{\"apiId\": \"pets\", "
                    + "\"operations\": [\"createPet#Cat\"], \"tools\": {\"createPet#Cat\": {\"name\": \"adoptCat\"}}}")
                    .status());
            assertEquals(List.of("adoptCat"), toolNames("cats"));
        }

        @Test
        void refusesAnOverrideOfTheWholeSplitOperationNamingItsVariants() throws Exception {
            Response refused = gateway.admin("PUT", "/admin/mcp-servers/whole", "{\"apiId\": \"pets\", "
                    + "\"operations\": [\"createPet\"], \"tools\": {\"createPet\": {\"name\": \"adopt\"}}}");
            assertEquals(422, refused.status(), refused.body());
            assertEquals("tools.createPet", refused.json().get("field").asText());
            assertEquals(true, refused.body().contains("is split per request body variant: name one of "
                    + "[createPet#Cat, createPet#Dog]"), refused.body());
        }
    }

    @Nested
    class WhenTheDefinitionIsRead {

        private final DefinitionCodec codec = new DefinitionCodec(JSON);

        @Test
        void survivesTheStoreRoundTrip() throws Exception {
            ApiDefinition api = codec.parseApi("pets", JSON.readTree(
                    "{\"openapi\": \"pets.yaml\", \"unionBodies\": \"split\"}"), null);
            assertEquals(Optional.of(UnionBodies.SPLIT), api.unionBodies());
            assertEquals(api, codec.parseApi("pets", codec.toJson(api), null));
        }

        @Test
        void refusesAnUnknownModeNamingTheField() throws Exception {
            Response bad = gateway.admin("PUT", "/admin/apis/bad", "{\"openapi\": " + JSON.writeValueAsString(SPEC)
                    + ", \"unionBodies\": \"explode\"}");
            assertEquals(422, bad.status(), bad.body());
            assertEquals("unionBodies", bad.json().get("field").asText());
        }
    }
}
