package dev.mcpgateway.llm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The LLM admin API through HTTP: changes are live for the proxy routes at once. */
class LlmAdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private ProxyFixture proxy;
    private FakeOpenAiBackend fake;

    @BeforeEach
    void start() throws Exception {
        proxy = new ProxyFixture().start();
        fake = FakeOpenAiBackend.start("dynamic");
    }

    @AfterEach
    void stop() {
        proxy.close();
        fake.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return admin(method, path, body, ProxyFixture.ADMIN_KEY);
    }

    private HttpResponse<String> admin(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(proxy.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return ProxyHttp.send(b);
    }

    private HttpResponse<String> chat(String model, String key) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions",
                "{\"model\":\"" + model + "\",\"messages\":[]}").header("api-key", key));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private void putBackendAndPool() throws Exception {
        assertEquals(201, admin("PUT", "/admin/backends/east", "{\"url\":\"" + fake.baseUri()
                + "\",\"type\":\"azure-openai\",\"credentials\":{\"type\":\"api-key\",\"key\":\"east-secret-key\"}}").statusCode());
        assertEquals(201, admin("PUT", "/admin/backend-pools/gpt", "{\"backends\":[{\"id\":\"east\",\"priority\":1}],"
                + "\"models\":[\"gpt-4o\"]}").statusCode());
    }

    @Nested
    class Authentication {

        @Test
        void withoutTheAdminKeyEveryRouteIs401ProblemJson() throws Exception {
            HttpResponse<String> r = admin("GET", "/admin/backends", null, null);
            assertEquals(401, r.statusCode());
            assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("application/problem+json"));
            assertEquals(401, admin("POST", "/admin/subscriptions/team-a/listSecrets", null, "wrong-key").statusCode());
        }

        @Test
        void withNoAdminKeyConfiguredTheAdminApiIsClosed() throws Exception {
            try (ProxyFixture closed = new ProxyFixture().property("gateway.admin.key", null).start()) {
                HttpResponse<String> r = ProxyHttp.send(java.net.http.HttpRequest.newBuilder(
                        closed.uri().resolve("/admin/subscriptions/team-a/listSecrets"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer anything"));
                assertEquals(401, r.statusCode());
                assertTrue(json(r).path("detail").asText().contains("closed"));
            }
        }
    }

    @Nested
    class BackendsAndPools {

        @Test
        void aBackendAndPoolCreatedAtRunTimeServeTheModelAtOnce() throws Exception {
            putBackendAndPool();

            assertEquals(200, chat("gpt-4o", ProxyFixture.KEY).statusCode());
            assertEquals("east-secret-key", fake.received().getFirst().headers().get("api-key"));
        }

        @Test
        void credentialsAreNeverReturned() throws Exception {
            putBackendAndPool();
            HttpResponse<String> r = admin("GET", "/admin/backends/east", null);
            assertEquals("api-key", json(r).path("credentials").path("type").asText());
            assertFalse(r.body().contains("east-secret-key"));
            assertFalse(admin("GET", "/admin/backends", null).body().contains("east-secret-key"));
        }

        @Test
        void patchChangesOneFieldAndKeepsTheCredential() throws Exception {
            putBackendAndPool();
            HttpResponse<String> r = admin("PATCH", "/admin/backends/east", "{\"timeout\":\"5s\",\"circuitBreaker\":{\"tripDuration\":\"PT2M\"}}");
            assertEquals(200, r.statusCode());
            assertEquals("PT5S", json(r).path("timeout").asText());
            assertEquals("PT2M", json(r).path("circuitBreaker").path("tripDuration").asText());
            chat("gpt-4o", ProxyFixture.KEY);
            assertEquals("east-secret-key", fake.received().getFirst().headers().get("api-key"));
        }

        @Test
        void reconnectClosesATrippedBreaker() throws Exception {
            putBackendAndPool();
            fake.always(FakeOpenAiBackend.serverError());
            chat("gpt-4o", ProxyFixture.KEY);
            assertEquals("OPEN", json(admin("GET", "/admin/backends/east", null)).path("breakerState").path("state").asText());
            assertEquals(503, chat("gpt-4o", ProxyFixture.KEY).statusCode());
            fake.always(FakeOpenAiBackend.ok());

            HttpResponse<String> r = admin("POST", "/admin/backends/east/reconnect", null);

            assertEquals("CLOSED", json(r).path("breakerState").path("state").asText());
            assertEquals(200, chat("gpt-4o", ProxyFixture.KEY).statusCode());
        }

        @Test
        void aBadBackendIs400NamingTheField() throws Exception {
            HttpResponse<String> r = admin("PUT", "/admin/backends/x", "{\"type\":\"azure-openai\"}");
            assertEquals(400, r.statusCode());
            assertTrue(json(r).path("detail").asText().contains("url"));
            HttpResponse<String> pool = admin("PUT", "/admin/backend-pools/p", "{\"backends\":[\"ghost\"]}");
            assertEquals(400, pool.statusCode());
            assertTrue(json(pool).path("detail").asText().contains("ghost"));
        }

        @Test
        void deletedThingsAre404AndNoLongerServe() throws Exception {
            putBackendAndPool();
            assertEquals(204, admin("DELETE", "/admin/backend-pools/gpt", null).statusCode());
            assertEquals(404, admin("GET", "/admin/backend-pools/gpt", null).statusCode());
            assertEquals(404, chat("gpt-4o", ProxyFixture.KEY).statusCode());
            assertEquals(204, admin("DELETE", "/admin/backends/east", null).statusCode());
            assertEquals(404, admin("DELETE", "/admin/backends/east", null).statusCode());
        }

        @Test
        void aRouteCanPointANewNameAtAnExistingPool() throws Exception {
            putBackendAndPool();
            assertEquals(200, admin("PUT", "/admin/llm-routes/gpt-4o-2024", "{\"target\":\"gpt\"}").statusCode());
            assertEquals(200, chat("gpt-4o-2024", ProxyFixture.KEY).statusCode());
            assertEquals("gpt", json(admin("GET", "/admin/llm-routes", null)).path("value").path("gpt-4o-2024").asText());
        }
    }

    @Nested
    class ProductsAndSubscriptions {

        private String secret(String id, String which) throws Exception {
            return json(admin("POST", "/admin/subscriptions/" + id + "/listSecrets", null)).path(which).asText();
        }

        @Test
        void aNewSubscriptionsKeysWorkAndAreOnlyShownByListSecrets() throws Exception {
            putBackendAndPool();
            assertEquals(201, admin("PUT", "/admin/products/gold", "{\"displayName\":\"Gold\",\"deployments\":[\"gpt-4o\"]}").statusCode());
            HttpResponse<String> created = admin("PUT", "/admin/subscriptions/team-b", "{\"properties\":{\"scope\":\"/products/gold\",\"displayName\":\"Team B\"}}");
            assertEquals(201, created.statusCode());
            String primary = secret("team-b", "primaryKey");
            assertFalse(created.body().contains(primary));

            assertEquals(200, chat("gpt-4o", primary).statusCode());
            assertEquals(200, chat("gpt-4o", secret("team-b", "secondaryKey")).statusCode());
        }

        @Test
        void regeneratingThePrimaryKeyRevokesTheOldOneAndKeepsTheSecondary() throws Exception {
            putBackendAndPool();
            String oldPrimary = secret("team-a", "primaryKey");
            String secondary = secret("team-a", "secondaryKey");

            assertEquals(204, admin("POST", "/admin/subscriptions/team-a/regeneratePrimaryKey", null).statusCode());

            String newPrimary = secret("team-a", "primaryKey");
            assertNotEquals(oldPrimary, newPrimary);
            assertEquals(401, chat("gpt-4o", oldPrimary).statusCode());
            assertEquals(200, chat("gpt-4o", newPrimary).statusCode());
            assertEquals(200, chat("gpt-4o", secondary).statusCode());
        }

        @Test
        void aKeyAlreadyUsedByAnotherSubscriptionIsRefusedAndChangesNothing() throws Exception {
            putBackendAndPool();
            HttpResponse<String> clash = admin("PUT", "/admin/subscriptions/team-a",
                    "{\"scope\":\"/products/starter\",\"primaryKey\":\"" + secret("team-a", "secondaryKey") + "\"}");
            assertEquals(400, clash.statusCode());
            assertEquals(200, chat("gpt-4o", ProxyFixture.KEY).statusCode(), "team-a is untouched");
            admin("PUT", "/admin/subscriptions/team-c", "{\"scope\":\"/products/starter\"}");
            HttpResponse<String> stolen = admin("PUT", "/admin/subscriptions/team-c",
                    "{\"scope\":\"/products/starter\",\"primaryKey\":\"" + ProxyFixture.KEY + "\"}");
            assertEquals(400, stolen.statusCode());
            assertFalse(stolen.body().contains(ProxyFixture.KEY), "the key is not echoed");
            assertEquals(200, admin("GET", "/admin/subscriptions/team-c", null).statusCode(), "team-c is untouched");
        }

        @Test
        void aSuspendedSubscriptionIs403() throws Exception {
            putBackendAndPool();
            assertEquals(200, admin("PATCH", "/admin/subscriptions/team-a", "{\"state\":\"suspended\"}").statusCode());
            assertEquals(403, chat("gpt-4o", ProxyFixture.KEY).statusCode());
        }

        @Test
        void aProductLimitedToOtherDeploymentsIs403() throws Exception {
            putBackendAndPool();
            admin("PUT", "/admin/products/starter", "{\"deployments\":[\"gpt-4o-mini\"]}");
            HttpResponse<String> r = chat("gpt-4o", ProxyFixture.KEY);
            assertEquals(403, r.statusCode());
            assertEquals("deployment_not_in_product", json(r).path("error").path("code").asText());
        }
    }
}
