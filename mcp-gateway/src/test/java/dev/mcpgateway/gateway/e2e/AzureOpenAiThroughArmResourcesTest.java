package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.SdkClientScript;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Azure OpenAI API configured as in APIM, through {@code /admin} with ARM resource bodies only: two Azure OpenAI
 * backends with their own upstream keys and a circuit breaker, a priority pool of them, an {@code azure-openai} API
 * at the root relaying to the pool, a product with that API and a subscription to it. The official OpenAI npm
 * client's {@code AzureOpenAI} calls it with the subscription key; a throttled backend fails over to the other.
 */
class AzureOpenAiThroughArmResourcesTest {

    private static final String API_VERSION = "?api-version=2024-06-01-preview";
    private static final String SERVICE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
            + "/providers/Microsoft.ApiManagement/service/svc";
    private static final String EAST_KEY = "east-upstream-key-0001";
    private static final String WEST_KEY = "west-upstream-key-0002";
    private static final String HELLO = "Hello from the fake backend.";
    private static final String THROTTLE_BREAKER = """
            "circuitBreaker": {"rules": [{"name": "throttle",
                "failureCondition": {"count": 1, "interval": "PT1M", "statusCodeRanges": [{"min": 429, "max": 429}]},
                "tripDuration": "PT1M", "acceptRetryAfter": true}]}""";

    private static FakeOpenAiBackend east;
    private static FakeOpenAiBackend west;
    private static GatewayFixture gateway;
    private static String subscriptionKey;

    @BeforeAll
    static void configureThroughArm(@TempDir Path dataDir) throws Exception {
        east = FakeOpenAiBackend.start("aoai-east");
        west = FakeOpenAiBackend.start("aoai-west");
        gateway = GatewayFixture.start(dataDir, Map.of());

        putArm("backends/aoai-east", singleBackend(east, EAST_KEY));
        putArm("backends/aoai-west", singleBackend(west, WEST_KEY));
        putArm("backends/aoai-pool", """
                {"type": "Pool", "pool": {"services": [
                    {"id": "%s/backends/aoai-east", "priority": 1},
                    {"id": "/backends/aoai-west", "priority": 2}]}}""".formatted(SERVICE));
        putArm("apis/aoai", """
                {"type": "azure-openai", "displayName": "Azure OpenAI", "path": "",
                 "backendId": "%s/backends/aoai-pool", "subscriptionRequired": true,
                 "subscriptionKeyParameterNames": {"header": "api-key", "query": "api-key"}}""".formatted(SERVICE));
        putArm("products/ai", """
                {"displayName": "AI", "subscriptionRequired": true, "state": "published"}""");
        assertEquals(201, gateway.admin("PUT", "/admin/products/ai/apis/aoai" + API_VERSION, null).status());
        putArm("subscriptions/team-a", """
                {"displayName": "Team A", "scope": "/products/ai"}""");

        GatewayFixture.Response secrets = gateway.admin("POST",
                "/admin/subscriptions/team-a/listSecrets" + API_VERSION, null);
        assertEquals(200, secrets.status(), secrets.body());
        subscriptionKey = secrets.json().path("primaryKey").asText();
        assertFalse(subscriptionKey.isBlank());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        east.close();
        west.close();
    }

    /** Every test starts with both circuits closed and both upstreams answering normally. */
    @BeforeEach
    void healthyUpstreams() throws Exception {
        for (String backend : List.of("aoai-east", "aoai-west")) {
            assertEquals(202, gateway.admin("POST", "/admin/backends/" + backend + "/reconnect", null).status());
        }
        east.reset();
        west.reset();
    }

    @Test
    void theOfficialAzureClientIsServedByThePreferredBackendWithThatBackendsOwnKey() throws Exception {
        JsonNode answer = chat(subscriptionKey, 1).get(0);

        assertEquals(200, answer.path("status").asInt(), answer.toString());
        assertEquals(HELLO, answer.path("content").asText());
        assertEquals("aoai-east", answer.path("backend").asText());
        assertEquals(0, west.requestCount());
        FakeOpenAiBackend.Received upstream = east.received().getFirst();
        assertEquals("/openai/deployments/gpt-4o/chat/completions", upstream.path());
        assertEquals("api-version=2024-10-21", upstream.query());
        assertEquals(EAST_KEY, upstream.headers().get("api-key"));
        assertNeverSawTheSubscriptionKey(upstream);
    }

    @Test
    void aThrottledBackendTripsItsBreakerAndTheOtherServesUntilItIsReconnected() throws Exception {
        east.thenRespond(FakeOpenAiBackend.tooManyRequests(30));

        List<JsonNode> whileTripped = chat(subscriptionKey, 3);

        for (JsonNode answer : whileTripped) {
            assertEquals(200, answer.path("status").asInt(), answer.toString());
            assertEquals("aoai-west", answer.path("backend").asText(), "the throttled call spills, the next ones skip");
        }
        assertEquals(1, east.requestCount(), "nothing reaches east while its breaker is open");
        assertEquals(3, west.requestCount());
        west.received().forEach(upstream -> {
            assertEquals(WEST_KEY, upstream.headers().get("api-key"));
            assertNeverSawTheSubscriptionKey(upstream);
        });

        assertEquals(202, gateway.admin("POST", "/admin/backends/aoai-east/reconnect" + API_VERSION, null).status());
        JsonNode afterReconnect = chat(subscriptionKey, 1).get(0);

        assertEquals(200, afterReconnect.path("status").asInt(), afterReconnect.toString());
        assertEquals("aoai-east", afterReconnect.path("backend").asText());
        assertEquals(2, east.requestCount());
    }

    @Test
    void aWrongKeyIsRefusedWith401InTheOpenAiErrorEnvelope() throws Exception {
        JsonNode refused = chat("not-a-key-of-any-subscription", 1).get(0);

        assertEquals(401, refused.path("status").asInt(), refused.toString());
        assertEquals("invalid_api_key", refused.path("error").path("code").asText(), refused.toString());
        assertFalse(refused.path("error").path("message").asText().isBlank());
        GatewayFixture.Response raw = gateway.send("POST", "/deployments/gpt-4o/chat/completions"
                + "?api-version=2024-10-21", "{\"messages\":[]}", Map.of("api-key", "not-a-key-of-any-subscription"));
        assertEquals(401, raw.status());
        assertEquals("invalid_request_error", raw.json().path("error").path("type").asText(), raw.body());
        assertEquals(0, east.requestCount() + west.requestCount());
    }

    @Test
    void theKeyIsAlsoTakenFromTheQueryParameterTheApiNames() throws Exception {
        GatewayFixture.Response answer = gateway.send("POST", "/deployments/gpt-4o/chat/completions"
                + "?api-version=2024-10-21&api-key=" + subscriptionKey,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, east.requestCount());
        assertNeverSawTheSubscriptionKey(east.received().getFirst());
    }

    @Test
    void referencesGivenAsFullArmIdsAreReadBackInShortForm() throws Exception {
        GatewayFixture.Response pool = gateway.admin("GET", "/admin/backends/aoai-pool" + API_VERSION, null);

        assertEquals(200, pool.status(), pool.body());
        assertEquals("/backends/aoai-pool", pool.json().path("id").asText());
        assertEquals("Microsoft.ApiManagement/service/backends", pool.json().path("type").asText());
        JsonNode members = pool.json().path("properties").path("pool").path("services");
        assertEquals("/backends/aoai-east", members.path(0).path("id").asText(), pool.body());
        assertEquals("/backends/aoai-west", members.path(1).path("id").asText(), pool.body());
        assertEquals("/backends/aoai-pool", gateway.admin("GET", "/admin/apis/aoai" + API_VERSION, null).json()
                .path("properties").path("backendId").asText());
    }

    @Test
    void secretsAreReadOnlyThroughTheirListOperations() throws Exception {
        GatewayFixture.Response subscription = gateway.admin("GET", "/admin/subscriptions/team-a" + API_VERSION, null);
        GatewayFixture.Response backend = gateway.admin("GET", "/admin/backends/aoai-east" + API_VERSION, null);

        assertEquals(200, subscription.status());
        assertEquals("/products/ai", subscription.json().path("properties").path("scope").asText());
        assertFalse(subscription.json().path("properties").has("primaryKey"), subscription.body());
        assertFalse(subscription.body().contains(subscriptionKey));
        assertEquals(200, backend.status());
        assertFalse(backend.body().contains(EAST_KEY), backend.body());
        assertEquals(subscriptionKey, gateway.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).json()
                .path("primaryKey").asText());
    }

    private static String singleBackend(FakeOpenAiBackend fake, String upstreamKey) {
        return """
                {"url": "%s", "protocol": "http", "credentials": {"header": {"api-key": ["%s"]}},
                 %s}""".formatted(fake.baseUri(), upstreamKey, THROTTLE_BREAKER);
    }

    /** APIM's CreateOrUpdate: {@code PUT .../{id}?api-version} with an ARM resource body, answered in ARM. */
    private static void putArm(String resource, String properties) throws Exception {
        GatewayFixture.Response created = gateway.admin("PUT", "/admin/" + resource + API_VERSION,
                "{\"properties\": " + properties + "}");
        assertEquals(201, created.status(), resource + ": " + created.body());
        assertEquals(resource.substring(resource.indexOf('/') + 1), created.json().path("name").asText());
    }

    private static List<JsonNode> chat(String apiKey, int calls) throws Exception {
        JsonNode answers = SdkClientScript.run("/node/azure-openai-chat.mjs",
                List.of(gateway.uri("").toString(), apiKey, Integer.toString(calls)));
        assertEquals(calls, answers.size(), answers.toString());
        return java.util.stream.StreamSupport.stream(answers.spliterator(), false).toList();
    }

    private static void assertNeverSawTheSubscriptionKey(FakeOpenAiBackend.Received upstream) {
        assertTrue(upstream.headers().values().stream().noneMatch(v -> v.contains(subscriptionKey)),
                upstream.headers().toString());
        assertTrue(upstream.query() == null || !upstream.query().contains(subscriptionKey), upstream.query());
    }
}
