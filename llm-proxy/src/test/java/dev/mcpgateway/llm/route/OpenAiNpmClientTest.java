package dev.mcpgateway.llm.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.ProxyFixture;
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

/** The official OpenAI npm client (OpenAI and AzureOpenAI classes) calling the proxy, streaming and not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiNpmClientTest {

    private ProxyFixture proxy;

    @BeforeAll
    void start() throws Exception {
        proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").start();
    }

    @AfterAll
    void stop() {
        proxy.close();
    }

    @Test
    void bothUrlStylesStreamingAndNotWorkWithTheNpmClient() throws Exception {
        Path script = NodeTools.repositoryRoot().resolve("llm-proxy/src/test/resources/npm/openai-client.mjs");

        NodeTools.Result run = NodeTools.run(script, List.of(proxy.uri().toString(), ProxyFixture.KEY), Map.of(),
                Duration.ofSeconds(60));

        assertTrue(run.succeeded(), run.output());
        String last = run.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        JsonNode result = new ObjectMapper().readTree(last);
        String hello = "Hello from the fake backend.";
        assertEquals(hello, result.path("openaiChat").asText());
        assertEquals(18, result.path("openaiUsage").asInt());
        assertEquals(hello, result.path("openaiStream").asText());
        assertEquals(8, result.path("openaiEmbeddingLength").asInt());
        assertEquals(hello, result.path("azureChat").asText());
        assertEquals(hello, result.path("azureStream").asText());
        assertEquals(404, result.path("unknownModel").path("status").asInt());
        assertEquals("model_not_found", result.path("unknownModel").path("code").asText());
        List<FakeOpenAiBackend.Received> received = proxy.fake("b").received();
        assertTrue(received.stream().allMatch(r -> r.path().startsWith("/openai/deployments/gpt-4o/")));
        assertTrue(received.stream().noneMatch(r -> ProxyFixture.KEY.equals(r.headers().get("api-key"))));
    }
}
