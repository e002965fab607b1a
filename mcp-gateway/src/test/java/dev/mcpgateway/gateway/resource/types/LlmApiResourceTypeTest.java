package dev.mcpgateway.gateway.resource.types;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.admin;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRef;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LlmApiResourceTypeTest {

    private final LlmApiResourceType type = new LlmApiResourceType();
    private final ResourceSet current = setOf(
            admin(ResourceKind.APIS, "chat", "{type: 'azure-openai', path: 'openai'}"),
            admin(ResourceKind.APIS, "shop", "{type: 'http', path: 'shop'}"));

    private ObjectNode normalise(String id, String properties) throws InvalidDefinitionException {
        return type.normalise(id, json(properties), current, null);
    }

    @Nested
    class Defaults {

        @Test
        void anAzureOpenAiApiTakesKeysAsAzureDoes() throws Exception {
            assertEquals(json("{type: 'azure-openai', path: 'models', displayName: 'm1', subscriptionRequired: true,"
                            + " subscriptionKeyParameterNames: {header: 'api-key', query: 'api-key'}}"),
                    normalise("m1", "{type: 'Azure-OpenAI', path: '/models/'}"));
        }

        @Test
        void anOpenAiApiTakesKeysAsApimDoes() throws Exception {
            ObjectNode p = normalise("m1", "{type: 'openai', apiType: 'http', path: 'v1',"
                    + " subscriptionKeyParameterNames: {query: 'key'}}");

            assertEquals(json("{header: 'Ocp-Apim-Subscription-Key', query: 'key'}"),
                    p.get("subscriptionKeyParameterNames"));
            assertFalse(p.has("apiType"), p.toString());
        }

        @Test
        void keepsWhatIsGiven() throws Exception {
            ObjectNode p = normalise("m1", "{type: 'openai', path: '', displayName: 'Models',"
                    + " subscriptionRequired: false, protocols: ['https'], apiVersion: 'v1', isCurrent: true}");

            assertEquals("", p.path("path").asText());
            assertEquals("Models", p.path("displayName").asText());
            assertFalse(p.path("subscriptionRequired").asBoolean());
        }
    }

    @Nested
    class Backend {

        @Test
        void isKeptInShortFormFromEveryForm() throws Exception {
            for (String backend : List.of("b1", "/backends/b1",
                    "/subscriptions/x/resourceGroups/r/providers/Microsoft.ApiManagement/service/s/backends/b1")) {
                ObjectNode p = normalise("m1", "{type: 'openai', path: 'v1', backendId: '" + backend + "'}");

                assertEquals("/backends/b1", p.path("backendId").asText(), backend);
                assertEquals(List.of(new ResourceRef(ResourceKind.BACKENDS, "b1", "backendId")),
                        type.references(admin(ResourceKind.APIS, "m1", p.toString())));
            }
        }

        @Test
        void isOptional() throws Exception {
            assertEquals(List.of(), type.references(admin(ResourceKind.APIS, "m1",
                    normalise("m1", "{type: 'openai', path: 'v1'}").toString())));
        }

        @Test
        void mustBeABackendReference() {
            assertRefusedAt("backendId", () -> normalise("m1", "{type: 'openai', path: 'v1', backendId: '/apis/x'}"));
        }

        @Test
        void replacesAServiceUrlWhichIsRefused() {
            assertRefusedAt("serviceUrl", () -> normalise("m1",
                    "{type: 'openai', path: 'v1', serviceUrl: 'https://api.openai.com/v1'}"));
        }
    }

    @Nested
    class Path {

        @Test
        void isRequired() {
            assertRefusedAt("path", () -> normalise("m1", "{type: 'openai'}"));
            assertRefusedAt("path", () -> normalise("m1", "{type: 'openai', path: 3}"));
        }

        @Test
        void refusesWhatTheGatewayServesItself() {
            for (String path : List.of("mcp", "/mcp/tools", "admin", "admin/apis", ".well-known",
                    ".well-known/oauth-protected-resource")) {
                var e = assertRefusedAt("path", () -> normalise("m1", "{type: 'openai', path: '" + path + "'}"));
                assertTrue(e.getMessage().contains("reserved"), e.getMessage());
            }
        }

        @Test
        void mayStartWithAReservedWord() throws Exception {
            assertEquals("mcpx", normalise("m1", "{type: 'openai', path: 'mcpx'}").path("path").asText());
            assertEquals("administration",
                    normalise("m1", "{type: 'openai', path: 'administration'}").path("path").asText());
        }

        @Test
        void refusesThePathOfAnotherModelApiNamingIt() {
            var e = assertRefusedAt("path", () -> normalise("m1", "{type: 'openai', path: '/openai'}"));

            assertTrue(e.getMessage().contains("'chat'"), e.getMessage());
        }

        @Test
        void mayKeepItsOwnPathOrShareOneWithAnApiThatIsNotAModelApi() throws Exception {
            normalise("chat", "{type: 'azure-openai', path: 'openai'}");
            normalise("m1", "{type: 'openai', path: 'shop'}");
        }

        @Test
        void refusesCharactersOutsideAUrlPath() {
            for (String path : List.of("a b", "a//b", "a?b", "ä")) {
                assertRefusedAt("path", () -> normalise("m1", "{type: 'openai', path: '" + path + "'}"));
            }
        }
    }

    @Test
    void refusesEachOtherBadFieldNamingIt() {
        assertRefusedAt("type", () -> normalise("m1", "{path: 'v1'}"));
        assertRefusedAt("type", () -> normalise("m1", "{type: 'soap', path: 'v1'}"));
        assertRefusedAt("protocols", () -> normalise("m1", "{type: 'openai', path: 'v1', protocols: 'https'}"));
        assertRefusedAt("subscriptionRequired",
                () -> normalise("m1", "{type: 'openai', path: 'v1', subscriptionRequired: 'no'}"));
        assertRefusedAt("subscriptionKeyParameterNames.cookie", () -> normalise("m1",
                "{type: 'openai', path: 'v1', subscriptionKeyParameterNames: {cookie: 'k'}}"));
        assertRefusedAt("colour", () -> normalise("m1", "{type: 'openai', path: 'v1', colour: 'red'}"));
    }
}
