package dev.mcpgateway.gateway.resource.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription reaches what its scope grants, as in APIM: a product's linked APIs, one API, or every API; a key
 * for one API is refused on another with the OpenAI error envelope.
 */
class SubscriptionScopeTest {

    private static final String CHAT = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";
    private static FakeOpenAiBackend fake;
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        fake = FakeOpenAiBackend.start("east");
        gateway = GatewayFixture.start(dir, Map.of());
        put("/admin/backends/east", "{\"url\": \"" + fake.baseUri() + "\", \"aiProvider\": \"azure-openai\","
                + " \"credentials\": {\"header\": {\"api-key\": [\"upstream-key-1\"]}}}");
        put("/admin/apis/chat", "{\"type\": \"azure-openai\", \"path\": \"\", \"backendId\": \"/backends/east\"}");
        put("/admin/apis/other", "{\"type\": \"azure-openai\", \"path\": \"other\", \"backendId\": \"east\"}");
        put("/admin/products/chat-only", "{\"displayName\": \"Chat only\"}");
        put("/admin/products/chat-only/apis/chat", null);
        put("/admin/subscriptions/by-product", "{\"scope\": \"/products/chat-only\","
                + " \"primaryKey\": \"product-key-0123456789\"}");
        put("/admin/subscriptions/by-api", "{\"scope\": \"/apis/other\", \"primaryKey\": \"api-key-0123456789ab\"}");
        put("/admin/subscriptions/everything", "{\"scope\": \"/apis\", \"primaryKey\": \"all-key-0123456789ab\"}");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fake.close();
    }

    private static void put(String path, String body) throws Exception {
        Response response = gateway.admin("PUT", path, body);
        assertEquals(201, response.status(), path + ": " + response.body());
    }

    private static Response chat(String prefix, String key) throws Exception {
        return gateway.send("POST", prefix + "/deployments/gpt-4o/chat/completions?api-version=2024-10-21", CHAT,
                Map.of("api-key", key));
    }

    @Test
    void aProductSubscriptionReachesTheProductsApisOnly() throws Exception {
        assertEquals(200, chat("", "product-key-0123456789").status());
        Response refused = chat("/other", "product-key-0123456789");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("api_not_in_product", refused.json().path("error").path("code").asText());
    }

    @Test
    void anApiSubscriptionReachesThatApiOnly() throws Exception {
        assertEquals(200, chat("/other", "api-key-0123456789ab").status());
        Response refused = chat("", "api-key-0123456789ab");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("api_not_in_subscription", refused.json().path("error").path("code").asText());
    }

    @Test
    void anAllApisSubscriptionReachesEveryApi() throws Exception {
        assertEquals(200, chat("", "all-key-0123456789ab").status());
        assertEquals(200, chat("/other", "all-key-0123456789ab").status());
    }

    @Test
    void theCallersKeyNeverReachesTheBackendAndTheBackendsKeyDoes() throws Exception {
        fake.reset();
        assertEquals(200, chat("", "all-key-0123456789ab").status());
        var received = fake.received().get(0);
        assertEquals("upstream-key-1", received.headers().get("api-key"));
        assertEquals("/openai/deployments/gpt-4o/chat/completions", received.path());
    }
}
