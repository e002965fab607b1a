package dev.mcpgateway.gateway.resource.types;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.admin;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRef;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubscriptionResourceTypeTest {

    private static final String SERVICE =
            "/subscriptions/x/resourceGroups/r/providers/Microsoft.ApiManagement/service/s";
    private static final String KEY_A = "aaaaaaaaaaaaaaaa";
    private static final String KEY_B = "bbbbbbbbbbbbbbbb";
    private static final String KEY_C = "cccccccccccccccc";

    private final SubscriptionResourceType type = new SubscriptionResourceType();
    private final ResourceSet current = setOf(admin(ResourceKind.SUBSCRIPTIONS, "other",
            "{scope: '/apis', primaryKey: '" + KEY_C + "', secondaryKey: 'dddddddddddddddd'}"));

    private ObjectNode normalise(String properties) throws InvalidDefinitionException {
        return normalise(properties, null);
    }

    private ObjectNode normalise(String properties, Resource before) throws InvalidDefinitionException {
        return type.normalise("s1", json(properties), current, before);
    }

    @Nested
    class Keys {

        @Test
        void areGeneratedWhenNoneAreGiven() throws Exception {
            ObjectNode p = normalise("{scope: '/apis'}");

            assertTrue(p.path("primaryKey").asText().matches("[0-9a-f]{32}"), p.toString());
            assertTrue(p.path("secondaryKey").asText().matches("[0-9a-f]{32}"), p.toString());
            assertNotEquals(p.path("primaryKey"), p.path("secondaryKey"));
        }

        @Test
        void areKeptFromTheSubscriptionReplacedWhenNoneAreGiven() throws Exception {
            Resource before = admin(ResourceKind.SUBSCRIPTIONS, "s1",
                    "{scope: '/apis', primaryKey: '" + KEY_A + "', secondaryKey: '" + KEY_B + "'}");

            ObjectNode p = normalise("{scope: '/apis', primaryKey: 'eeeeeeeeeeeeeeee'}", before);

            assertEquals("eeeeeeeeeeeeeeee", p.path("primaryKey").asText());
            assertEquals(KEY_B, p.path("secondaryKey").asText());
        }

        @Test
        void areRefusedWhenShorterThanSixteenCharacters() {
            assertRefusedAt("primaryKey", () -> normalise("{scope: '/apis', primaryKey: 'short'}"));
            assertRefusedAt("secondaryKey", () -> normalise("{scope: '/apis', secondaryKey: '  aaaaaaaaaaaaaa  '}"));
        }

        @Test
        void areRefusedWhenEqual() {
            assertRefusedAt("secondaryKey", () -> normalise(
                    "{scope: '/apis', primaryKey: '" + KEY_A + "', secondaryKey: '" + KEY_A + "'}"));
        }

        @Test
        void areRefusedWhenAnotherSubscriptionUsesOne() {
            assertRefusedAt("primaryKey", () -> normalise("{scope: '/apis', primaryKey: '" + KEY_C + "'}"));
            assertRefusedAt("primaryKey", () -> normalise("{scope: '/apis', secondaryKey: '" + KEY_C + "'}"));
        }

        @Test
        void mayStayTheSameWhenTheSubscriptionIsReplaced() throws Exception {
            ObjectNode p = type.normalise("other", json("{scope: '/apis', primaryKey: '" + KEY_C
                    + "', secondaryKey: 'dddddddddddddddd'}"), current, current.get(ResourceKind.SUBSCRIPTIONS,
                    "other").orElseThrow());

            assertEquals(KEY_C, p.path("primaryKey").asText());
        }

        @Test
        void areTheSecretsOfASubscription() {
            assertEquals(List.of("/primaryKey", "/secondaryKey"),
                    type.secretPointers(current.get(ResourceKind.SUBSCRIPTIONS, "other").orElseThrow()));
        }
    }

    @Nested
    class Scope {

        @Test
        void isKeptInShortFormFromEveryFormApimTakes() throws Exception {
            Map<String, String> forms = Map.of(
                    "/products/p1", "/products/p1",
                    SERVICE + "/products/p1", "/products/p1",
                    "/apis/a1/", "/apis/a1",
                    SERVICE + "/apis/a1", "/apis/a1",
                    "/apis", "/apis",
                    SERVICE + "/apis", "/apis",
                    " /apis/ ", "/apis");

            for (var form : forms.entrySet()) {
                assertEquals(form.getValue(), normalise("{scope: '" + form.getKey() + "'}").path("scope").asText(),
                        form.getKey());
            }
        }

        @Test
        void ofAProductOrApiNamedApisGrantsThatOneNotEveryApi() throws Exception {
            assertEquals("/products/apis", normalise("{scope: '/products/apis'}").path("scope").asText());
            assertEquals("/products/apis", normalise("{scope: '" + SERVICE + "/products/apis'}").path("scope")
                    .asText());
            assertEquals("/apis/apis", normalise("{scope: '/apis/apis'}").path("scope").asText());
        }

        @Test
        void namesTheProductOrApiItGrants() {
            assertEquals(List.of(new ResourceRef(ResourceKind.PRODUCTS, "p1", "scope")),
                    type.references(admin(ResourceKind.SUBSCRIPTIONS, "s1", "{scope: '/products/p1'}")));
            assertEquals(List.of(new ResourceRef(ResourceKind.APIS, "a1", "scope")),
                    type.references(admin(ResourceKind.SUBSCRIPTIONS, "s1", "{scope: '/apis/a1'}")));
            assertEquals(List.of(),
                    type.references(admin(ResourceKind.SUBSCRIPTIONS, "s1", "{scope: '/apis'}")));
        }

        @Test
        void isRequiredAndMustNameAProductOrApis() {
            assertRefusedAt("scope", () -> normalise("{}"));
            assertRefusedAt("scope", () -> normalise("{scope: '/backends/b1'}"));
            assertRefusedAt("scope", () -> normalise("{scope: 'p1'}"));
            assertRefusedAt("scope", () -> normalise("{scope: '/backends/apis'}"));
        }
    }

    @Nested
    class OtherProperties {

        @Test
        void defaultToAnActiveSubscriptionNamedAfterItsId() throws Exception {
            ObjectNode p = normalise("{scope: '/apis'}");

            assertEquals("s1", p.path("displayName").asText());
            assertEquals("active", p.path("state").asText());
        }

        @Test
        void keepTheOwnerAsAUserReference() throws Exception {
            assertEquals("/users/u1", normalise("{scope: '/apis', ownerId: '" + SERVICE + "/users/u1'}")
                    .path("ownerId").asText());
        }

        @Test
        void areRefusedWhenBadNamingTheField() {
            assertRefusedAt("state", () -> normalise("{scope: '/apis', state: 'paused'}"));
            assertRefusedAt("allowTracing", () -> normalise("{scope: '/apis', allowTracing: 'yes'}"));
            assertRefusedAt("colour", () -> normalise("{scope: '/apis', colour: 'red'}"));
        }
    }
}
