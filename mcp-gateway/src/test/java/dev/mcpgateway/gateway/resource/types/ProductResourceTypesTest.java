package dev.mcpgateway.gateway.resource.types;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.admin;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRef;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Products, and the links of APIs to them. */
class ProductResourceTypesTest {

    @Nested
    class Products {

        private final ProductResourceType type = new ProductResourceType();

        @Test
        void arePublishedNamedAfterTheirIdAndNeedASubscriptionByDefault() throws Exception {
            assertEquals(json("{displayName: 'p1', subscriptionRequired: true, state: 'published'}"),
                    type.normalise("p1", json("{}"), ResourceSet.empty(), null));
        }

        @Test
        void keepWhatIsGivenWithTheStateCanonicalised() throws Exception {
            assertEquals(json("{displayName: 'Gold', subscriptionRequired: false, state: 'notPublished',"
                            + " subscriptionsLimit: 5, deployments: ['gpt-4o']}"),
                    type.normalise("p1", json("{displayName: 'Gold', subscriptionRequired: false,"
                            + " state: 'NOTPUBLISHED', subscriptionsLimit: 5, deployments: ['gpt-4o']}"),
                            ResourceSet.empty(), null));
        }

        @Test
        void refuseEachBadFieldNamingIt() {
            assertRefusedAt("colour", () -> type.normalise("p1", json("{colour: 'gold'}"), ResourceSet.empty(), null));
            assertRefusedAt("state", () -> type.normalise("p1", json("{state: 'live'}"), ResourceSet.empty(), null));
            assertRefusedAt("deployments", () -> type.normalise("p1", json("{deployments: 'gpt-4o'}"),
                    ResourceSet.empty(), null));
            assertRefusedAt("subscriptionsLimit", () -> type.normalise("p1", json("{subscriptionsLimit: -1}"),
                    ResourceSet.empty(), null));
        }
    }

    @Nested
    class ProductApis {

        private final ProductApiResourceType type = new ProductApiResourceType();

        @Test
        void areNamedProductSlashApiAndReferToBoth() throws Exception {
            String id = ProductApiResourceType.id("p1", "chat");

            assertEquals(json("{}"), type.normalise(id, json("{}"), ResourceSet.empty(), null));
            assertEquals(List.of(new ResourceRef(ResourceKind.PRODUCTS, "p1", "productId"),
                            new ResourceRef(ResourceKind.APIS, "chat", "apiId")),
                    type.references(admin(ResourceKind.PRODUCT_APIS, id, "{}")));
        }

        @Test
        void keepNothingOfTheirOwn() throws Exception {
            assertEquals(json("{}"), type.normalise("p1/chat", json("{path: 'x'}"), ResourceSet.empty(), null));
        }

        @Test
        void refuseAnIdThatIsNotProductSlashApi() {
            for (String id : List.of("p1", "/chat", "p1/chat/x")) {
                assertRefusedAt("id", () -> type.normalise(id, json("{}"), ResourceSet.empty(), null));
            }
        }
    }
}
