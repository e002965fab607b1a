package dev.mcpgateway.llm.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.SubscriptionKeyNames;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.NodeTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The official npm {@code AzureOpenAI} client against Azure OpenAI APIs registered at the gateway's root
 * ({@code baseURL} = the gateway) and at a nested path, streaming and not. The APIs take the key where Azure OpenAI
 * clients send it ({@code api-key}), as APIM's Azure OpenAI import sets them up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureOpenAiNpmClientPathsTest {

    private ProxyFixture proxy;

    @BeforeAll
    void start() throws Exception {
        SubscriptionKeyNames keys = SubscriptionKeyNames.of("api-key", "subscription-key");
        proxy = new ProxyFixture().backend("root", "azure-openai").backend("east", "azure-openai")
                .api(new LlmApi("at-root", "", LlmApi.Type.AZURE_OPENAI, true, keys, "root"))
                .api(new LlmApi("east", "aoai/east", LlmApi.Type.AZURE_OPENAI, true, keys, "east"))
                .start();
    }

    @AfterAll
    void stop() {
        proxy.close();
    }

    @Test
    void theAzureClientCallsApisAtTheRootAndAtANestedPath() throws Exception {
        Path script = NodeTools.repositoryRoot().resolve("llm-proxy/src/test/resources/npm/azure-openai-paths.mjs");

        NodeTools.Result run = NodeTools.run(script, List.of(proxy.uri().toString(), ProxyFixture.KEY), Map.of(),
                Duration.ofSeconds(60));

        assertTrue(run.succeeded(), run.output());
        JsonNode result = new ObjectMapper().readTree(run.output().strip().lines().reduce((a, b) -> b).orElseThrow());
        String hello = "Hello from the fake backend.";
        for (String api : List.of("root", "nested")) {
            assertEquals(hello, result.path(api).path("chat").asText(), api);
            assertEquals(hello, result.path(api).path("stream").asText(), api);
            assertEquals(8, result.path(api).path("embeddingLength").asInt(), api);
        }
        for (String backend : List.of("root", "east")) {
            List<FakeOpenAiBackend.Received> received = proxy.fake(backend).received();
            assertEquals(3, received.size(), backend);
            assertTrue(received.stream().allMatch(r -> r.path().startsWith("/openai/deployments/gpt-4o/")), backend);
            assertTrue(received.stream().noneMatch(r -> ProxyFixture.KEY.equals(r.headers().get("api-key"))), backend);
        }
    }
}
