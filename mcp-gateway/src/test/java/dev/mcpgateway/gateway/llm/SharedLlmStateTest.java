package dev.mcpgateway.gateway.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.RedisServerFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two gateway instances sharing one real Redis store: an LLM admin change on one is applied by the other. */
class SharedLlmStateTest {

    /** Subscription keys are sealed in the shared store: instances sharing it share the key that seals them. */
    private static final String STORE_KEY = "c2hhcmVkLWxsbS1zdGF0ZS10ZXN0LXN0b3JlLWtleSE=";

    private static Map<String, Object> redis(RedisServerFixture server) {
        return Map.of("gateway.store.type", "redis", "gateway.store.redis-uri", server.uri(),
                "gateway.auth.store-key", STORE_KEY);
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int chat(GatewayFixture gateway, String key) throws Exception {
        return LlmStateTest.chat(gateway, "gpt-4o", key).status();
    }

    @Test
    void aSubscriptionChangedOnOneInstanceIsAppliedByTheOther(@TempDir Path dir) throws Exception {
        try (RedisServerFixture server = RedisServerFixture.start();
             FakeOpenAiBackend fake = FakeOpenAiBackend.start("east");
             GatewayFixture first = GatewayFixture.start(dir.resolve("a"), redis(server));
             GatewayFixture second = GatewayFixture.start(dir.resolve("b"), redis(server))) {
            assertEquals(201, first.admin("PUT", "/admin/backends/east",
                    "{\"url\":\"" + fake.baseUri() + "\",\"aiProvider\":\"azure-openai\",\"models\":[\"gpt-4o\"]}")
                    .status());
            assertEquals(201, first.admin("PUT", "/admin/subscriptions/team-a",
                    "{\"scope\":\"/apis\",\"primaryKey\":\"team-a-primary-key-0001\"}").status());
            await(() -> chat(second, "team-a-primary-key-0001") == 200, "the second instance accepts the new key");

            // a key rotated on the second instance: the first stops taking the old one and lists the new one
            assertEquals(204, second.admin("POST", "/admin/subscriptions/team-a/regeneratePrimaryKey", null).status());
            String rotated = second.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).json()
                    .get("primaryKey").asText();
            await(() -> chat(first, "team-a-primary-key-0001") == 401, "the first instance refuses the old key");
            assertEquals(rotated, first.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).json()
                    .get("primaryKey").asText());
            assertEquals(200, chat(first, rotated));

            assertEquals(200, first.admin("PATCH", "/admin/subscriptions/team-a", "{\"state\":\"suspended\"}").status());
            await(() -> chat(second, rotated) != 200, "the second instance refuses a suspended subscription");
            assertEquals("suspended", second.admin("GET", "/admin/subscriptions/team-a", null).json()
                    .get("state").asText());

            // deleted on the instance that did not create it: the creator forgets it too
            assertEquals(204, second.admin("DELETE", "/admin/subscriptions/team-a", null).status());
            await(() -> first.admin("GET", "/admin/subscriptions/team-a", null).status() == 404,
                    "the first instance forgets the deleted subscription");
        }
    }
}
