package dev.mcpgateway.llm.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.cache.ResponseCache;
import dev.mcpgateway.llm.limit.TokenLimiter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inside the gateway with no {@code llm:} section the proxy costs nothing: no limiter, no cache, no Redis. */
class WithoutLlmConfigurationTest {

    @Test
    void startsWithNothingCreatedAndAnswersModelCallsCleanly() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "micronaut.server.host", "127.0.0.1"))) {
            var noKey = ProxyHttp.send(ProxyHttp.post(server.getURI(), "/v1/chat/completions", "{\"model\":\"gpt-4o\"}"));
            var azure = ProxyHttp.send(ProxyHttp.post(server.getURI(),
                    "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", "{}").header("api-key", "whatever"));

            assertEquals(401, noKey.statusCode());
            assertEquals(401, azure.statusCode());
            var context = server.getApplicationContext();
            assertTrue(context.getActiveBeanRegistrations(TokenLimiter.class).isEmpty(), "no token limiter");
            assertTrue(context.getActiveBeanRegistrations(ResponseCache.class).isEmpty(), "no response cache");
            assertTrue(context.getActiveBeanRegistrations(io.lettuce.core.AbstractRedisClient.class).isEmpty(), "no Redis");
        }
    }
}
