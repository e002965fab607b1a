package dev.mcpgateway.llm.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bodies and streams cross the proxy untouched; credentials and hop-by-hop headers do not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassThroughTest {

    private ProxyFixture proxy;

    @BeforeAll
    void start() throws Exception {
        proxy = new ProxyFixture().backend("b1", "azure-openai").route("b1", "gpt-4o").start();
    }

    @AfterAll
    void stop() {
        proxy.close();
    }

    @BeforeEach
    void clean() {
        proxy.fake("b1").reset();
    }

    @Test
    void requestBodyReachesTheBackendByteForByteWithUnknownFields() throws Exception {
        String body = "{ \"model\":\"gpt-4o\",\n  \"messages\":[{\"role\":\"user\",\"content\":\"h\\u00e9\"}],"
                + "\"x_vendor_extension\":{\"keep\":[1,2.50,true]} }";
        var response = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions", body)
                .header("api-key", ProxyFixture.KEY)
                .header("OpenAI-Organization", "org-1"));

        assertEquals(200, response.statusCode());
        FakeOpenAiBackend.Received received = proxy.fake("b1").received().getFirst();
        assertEquals(body, received.body());
        assertEquals("org-1", received.headers().get("openai-organization"));
        assertEquals("upstream-secret-b1", received.headers().get("api-key"), "the backend's key replaces the caller's");
    }

    @Test
    void responseBodyReachesTheCallerByteForByteWithUpstreamHeaders() throws Exception {
        String raw = "{\"id\":\"x\",  \"object\":\"chat.completion\",\"choices\":[],\"unknown_field\":{\"a\":1.000}}";
        proxy.fake("b1").thenRespond(new FakeOpenAiBackend.Behaviour.Raw(raw));

        var response = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", "{}")
                .header("Ocp-Apim-Subscription-Key", ProxyFixture.KEY));

        assertEquals(200, response.statusCode());
        assertEquals(raw, response.body());
        assertEquals("b1", response.headers().firstValue("x-fake-backend").orElseThrow());
        assertTrue(response.headers().firstValue("x-request-id").isPresent());
    }

    @Test
    void streamChunksAreRelayedAsTheyArriveNotAfterTheStreamEnds() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        proxy.fake("b1").thenRespond(new FakeOpenAiBackend.Behaviour.GatedStream(gate));

        HttpResponse<InputStream> response = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}").header("Authorization", "Bearer " + ProxyFixture.KEY),
                HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // the backend holds the rest of the stream until we have seen the first event through the proxy
            String first = reader.readLine();
            assertTrue(first.startsWith("data: {\"id\":\"chatcmpl-b1\""), first);
            assertEquals("", reader.readLine());
            gate.countDown();
            StringBuilder rest = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertTrue(rest.toString().endsWith("data: [DONE]\n\n"), rest.toString());
            assertFalse(rest.toString().contains("data: data:"), "events are not re-wrapped");
        }
    }
}
