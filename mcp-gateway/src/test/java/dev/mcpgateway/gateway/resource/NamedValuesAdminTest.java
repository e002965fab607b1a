package dev.mcpgateway.gateway.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import dev.mcpgateway.samples.shop.SampleShopServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/named-values}: the first resource of the management model, through its routes in both body shapes,
 * with ETags, paging, filters, bad input, a gateway.yml declaration, and {@code {{name}}} used by an API.
 */
class NamedValuesAdminTest {

    private static GatewayFixture gateway;
    private static SampleShopServer shop;
    private static Path dataDir;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        dataDir = dir;
        shop = SampleShopServer.start(0);
        Path yml = dir.resolve("gateway.yml");
        Files.writeString(yml, """
                named-values:
                  declared-one: {value: from-the-file}
                """);
        gateway = GatewayFixture.start(dir.resolve("data"), Map.of("gateway.config-file", yml.toString()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        shop.close();
    }

    @BeforeEach
    void clean() throws Exception {
        gateway.admin("DELETE", "/admin/apis/nv-shop", null);
        for (JsonNode nv : gateway.admin("GET", "/admin/named-values?$top=100", null).json().path("value")) {
            if (!nv.path("id").asText().equals("declared-one")) {
                gateway.admin("DELETE", "/admin/named-values/" + nv.path("id").asText(), null);
            }
        }
    }

    @Nested
    class InPlainJson {

        @Test
        void createsReadsAndHidesASecretValue() throws Exception {
            Response put = gateway.admin("PUT", "/admin/named-values/token",
                    "{\"displayName\": \"Token\", \"value\": \"s3cr3t-value\", \"secret\": true}");
            assertEquals(201, put.status(), put.body());
            assertNotNull(put.header("ETag"));
            assertEquals("token", put.json().path("id").asText());
            assertFalse(put.body().contains("s3cr3t-value"), put.body());

            Response get = gateway.admin("GET", "/admin/named-values/token", null);
            assertEquals(200, get.status());
            assertEquals(put.header("ETag"), get.header("ETag"));
            assertTrue(get.json().path("secret").asBoolean());
            assertFalse(get.json().has("value"));

            Response value = gateway.admin("POST", "/admin/named-values/token/listValue", null);
            assertEquals("s3cr3t-value", value.json().path("value").asText());
        }

        @Test
        void keepsASecretValueSealedAtRest() throws Exception {
            gateway.admin("PUT", "/admin/named-values/sealed", "{\"value\": \"at-rest-secret\", \"secret\": true}");
            gateway.admin("PUT", "/admin/named-values/open", "{\"value\": \"not-a-secret\"}");
            Path stored = dataDir.resolve("data/resources/named-values");
            String sealed = Files.readString(stored.resolve("sealed.json"));
            assertFalse(sealed.contains("at-rest-secret"), sealed);
            assertTrue(sealed.contains("sealed:v1:"), sealed);
            assertTrue(Files.readString(stored.resolve("open.json")).contains("not-a-secret"));
        }

        @Test
        void replacesWith200AndPatchesByMergePatch() throws Exception {
            gateway.admin("PUT", "/admin/named-values/region", "{\"value\": \"eu\"}");
            assertEquals(200, gateway.admin("PUT", "/admin/named-values/region", "{\"value\": \"us\"}").status());
            Response patched = gateway.admin("PATCH", "/admin/named-values/region",
                    "{\"displayName\": \"Region\", \"tags\": [\"geo\"]}");
            assertEquals(200, patched.status(), patched.body());
            assertEquals("us", patched.json().path("value").asText());
            assertEquals("Region", patched.json().path("displayName").asText());
        }

        @Test
        void deletesAndThen404s() throws Exception {
            gateway.admin("PUT", "/admin/named-values/gone", "{\"value\": \"x\"}");
            assertEquals(204, gateway.admin("DELETE", "/admin/named-values/gone", null).status());
            assertProblem(gateway.admin("GET", "/admin/named-values/gone", null), 404, null);
            assertProblem(gateway.admin("DELETE", "/admin/named-values/gone", null), 404, null);
        }
    }

    @Nested
    class InArmShape {

        @Test
        void takesAnArmBodyAndAnswersInIt() throws Exception {
            Response put = gateway.admin("PUT", "/admin/named-values/arm-one", """
                    {"name": "arm-one", "type": "Microsoft.ApiManagement/service/namedValues",
                     "properties": {"displayName": "ArmOne", "value": "v1", "secret": false}}""");
            assertEquals(201, put.status(), put.body());
            assertEquals("/named-values/arm-one", put.json().path("id").asText());
            assertEquals("Microsoft.ApiManagement/service/namedValues", put.json().path("type").asText());
            assertEquals("arm-one", put.json().path("name").asText());
            assertEquals("v1", put.json().path("properties").path("value").asText());
        }

        @Test
        void readsInArmShapeWhenAskedWithApiVersion() throws Exception {
            gateway.admin("PUT", "/admin/named-values/plain-one", "{\"value\": \"v\"}");
            Response get = gateway.admin("GET", "/admin/named-values/plain-one?api-version=2024-05-01", null);
            assertEquals("v", get.json().path("properties").path("value").asText());
            Response list = gateway.admin("GET", "/admin/named-values?api-version=2024-05-01", null);
            assertTrue(list.json().path("value").get(0).has("properties"), list.body());
        }
    }

    @Nested
    class WithEtags {

        @Test
        void refusesAChangeBasedOnAnOldVersionAndKeepsTheCurrentOne() throws Exception {
            String first = gateway.admin("PUT", "/admin/named-values/tagged", "{\"value\": \"one\"}").header("ETag");
            String second = gateway.admin("PUT", "/admin/named-values/tagged", "{\"value\": \"two\"}").header("ETag");
            assertNotEquals(first, second);
            Response stale = gateway.send("PUT", "/admin/named-values/tagged", "{\"value\": \"three\"}",
                    Map.of("Authorization", "Bearer " + GatewayFixture.ADMIN_KEY, "If-Match", first));
            assertProblem(stale, 412, null);
            assertEquals("two", gateway.admin("GET", "/admin/named-values/tagged", null).json().path("value")
                    .asText());
            Response current = gateway.send("DELETE", "/admin/named-values/tagged", null,
                    Map.of("Authorization", "Bearer " + GatewayFixture.ADMIN_KEY, "If-Match", second));
            assertEquals(204, current.status(), current.body());
        }

        @Test
        void ifMatchStarNeedsAnExistingResource() throws Exception {
            Response missing = gateway.send("PUT", "/admin/named-values/nothing-yet", "{\"value\": \"x\"}",
                    Map.of("Authorization", "Bearer " + GatewayFixture.ADMIN_KEY, "If-Match", "*"));
            assertProblem(missing, 412, null);
            assertProblem(gateway.admin("GET", "/admin/named-values/nothing-yet", null), 404, null);
        }
    }

    @Nested
    class Lists {

        @Test
        void pagesWithTopSkipAndNextLink() throws Exception {
            for (String id : List.of("p1", "p2", "p3", "p4", "p5")) {
                gateway.admin("PUT", "/admin/named-values/" + id, "{\"value\": \"" + id + "\"}");
            }
            Response first = gateway.admin("GET", "/admin/named-values?$top=2&$filter=startswith(name,'p')", null);
            assertEquals(List.of("p1", "p2"), ids(first.json()));
            assertEquals(5, first.json().path("count").asInt());
            String next = first.json().path("nextLink").asText();
            assertTrue(next.contains("$skip=2"), next);
            Response second = gateway.admin("GET", next, null);
            assertEquals(List.of("p3", "p4"), ids(second.json()));
            Response last = gateway.admin("GET", second.json().path("nextLink").asText(), null);
            assertEquals(List.of("p5"), ids(last.json()));
            assertFalse(last.json().has("nextLink"));
        }

        @Test
        void filtersOnNames() throws Exception {
            gateway.admin("PUT", "/admin/named-values/alpha-key", "{\"value\": \"a\"}");
            gateway.admin("PUT", "/admin/named-values/beta-key", "{\"value\": \"b\"}");
            assertEquals(List.of("beta-key"), ids(gateway.admin("GET",
                    "/admin/named-values?$filter=name%20eq%20'beta-key'", null).json()));
            assertEquals(List.of("alpha-key", "beta-key"), ids(gateway.admin("GET",
                    "/admin/named-values?$filter=endswith(name,'-key')", null).json()));
            assertEquals(List.of("alpha-key", "beta-key"), ids(gateway.admin("GET",
                    "/admin/named-values?$filter=contains(name,'pha')%20or%20name%20eq%20'beta-key'", null)
                    .json()));
        }

        private static List<String> ids(JsonNode page) {
            return java.util.stream.StreamSupport.stream(page.path("value").spliterator(), false)
                    .map(v -> v.path("id").asText()).filter(id -> !id.equals("declared-one")).toList();
        }
    }

    @Nested
    class WithBadInput {

        @Test
        void namesTheFieldAndChangesNothing() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/named-values/bad", "{\"value\": \"x\", \"colour\": 1}"),
                    422, "colour");
            assertProblem(gateway.admin("PUT", "/admin/named-values/bad", "{\"displayName\": \"no value\"}"),
                    422, "value");
            assertProblem(gateway.admin("PUT", "/admin/named-values/bad",
                    "{\"keyVault\": {\"secretIdentifier\": \"https://v.vault.azure.net/secrets/x\"}}"), 422, "keyVault");
            assertProblem(gateway.admin("PUT", "/admin/named-values/bad", "{\"value\": 12}"), 422, "value");
            assertProblem(gateway.admin("PUT", "/admin/named-values/bad", "{\"value\": "), 422, "body");
            assertProblem(gateway.admin("PUT", "/admin/named-values/b%20d", "{\"value\": \"x\"}"), 422, "id");
            assertProblem(gateway.admin("GET", "/admin/named-values?$top=0", null), 422, "$top");
            assertProblem(gateway.admin("GET", "/admin/named-values?$filter=value%20eq%20'x'", null), 422,
                    "$filter");
            assertProblem(gateway.admin("GET", "/admin/named-values/bad", null), 404, null);
        }

        @Test
        void refusesToChangeWhatGatewayYmlDeclares() throws Exception {
            Response put = gateway.admin("PUT", "/admin/named-values/declared-one", "{\"value\": \"other\"}");
            assertProblem(put, 409, null);
            assertTrue(put.json().path("detail").asText().contains("gateway.yml"), put.body());
            assertProblem(gateway.admin("DELETE", "/admin/named-values/declared-one", null), 409, null);
            assertEquals("from-the-file", gateway.admin("GET", "/admin/named-values/declared-one", null).json()
                    .path("value").asText());
        }
    }

    @Nested
    class WhenAnApiRefersToOne {

        @Test
        void resolvesTheServiceUrlFromTheNamedValue() throws Exception {
            gateway.admin("PUT", "/admin/named-values/shop-url", "{\"value\": \"" + shop.baseUrl() + "\"}");
            Response api = gateway.admin("PUT", "/admin/apis/nv-shop", "{\"openapi\": \"classpath:"
                    + SampleShopServer.SPEC_RESOURCE + "\", \"serviceUrl\": \"{{shop-url}}\"}");
            assertEquals(201, api.status(), api.body());
        }

        @Test
        void refusesAReferenceToAMissingOneNamingTheField() throws Exception {
            Response api = gateway.admin("PUT", "/admin/apis/nv-shop", "{\"openapi\": \"classpath:"
                    + SampleShopServer.SPEC_RESOURCE + "\", \"serviceUrl\": \"{{no-such-value}}\"}");
            assertProblem(api, 422, "serviceUrl");
            assertTrue(api.body().contains("no-such-value"), api.body());
        }
    }

    @Test
    void survivesARestartFromTheDataDirectory() throws Exception {
        gateway.admin("PUT", "/admin/named-values/kept", "{\"value\": \"still-here\", \"secret\": true}");
        try (GatewayFixture again = GatewayFixture.start(dataDir.resolve("data"), Map.of())) {
            assertEquals("still-here", again.admin("POST", "/admin/named-values/kept/listValue", null).json()
                    .path("value").asText());
        }
    }

    private static void assertProblem(Response response, int status, String field) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.isProblem(), response.contentType());
        if (field != null) {
            assertEquals(field, response.json().path("field").asText(), response.body());
        }
    }
}
