package dev.mcpgateway.llm.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each kind of bad call gets a clear OpenAI error envelope, never reaches a backend, and leaves the proxy serving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private ProxyFixture proxy;

    @BeforeAll
    void start() throws Exception {
        proxy = new ProxyFixture().backend("b", "azure-openai")
                .route("b", "gpt-4o")
                .property("llm.max-body-bytes", 2048)
                .start();
    }

    @AfterAll
    void stop() {
        proxy.close();
    }

    @AfterEach
    void proxyStillServesAndNothingBadReachedTheBackend() throws Exception {
        int before = proxy.fake("b").requestCount();
        HttpResponse<String> ok = post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}", ProxyFixture.KEY);
        assertEquals(200, ok.statusCode());
        assertEquals(before + 1, proxy.fake("b").requestCount());
        proxy.fake("b").reset();
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        var request = ProxyHttp.post(proxy.uri(), path, body);
        if (key != null) {
            request.header("api-key", key);
        }
        return ProxyHttp.send(request);
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertTrue(error.has("message") && error.has("type") && error.has("param") && error.has("code"), response.body());
        return error;
    }

    @Test
    void invalidJsonIs400() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "{\"model\":\"gpt-4o\",", ProxyFixture.KEY);
        assertEquals(400, r.statusCode());
        assertEquals("invalid_json", error(r).path("code").asText());
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "[1,2]", ProxyFixture.KEY);
        assertEquals(400, r.statusCode());
        assertEquals("invalid_request_error", error(r).path("type").asText());
    }

    @Test
    void missingModelIs400NamingTheParameter() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "{\"messages\":[]}", ProxyFixture.KEY);
        assertEquals(400, r.statusCode());
        assertEquals("model", error(r).path("param").asText());
    }

    @Test
    void unknownModelIs404() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "{\"model\":\"gpt-nope\",\"messages\":[]}", ProxyFixture.KEY);
        assertEquals(404, r.statusCode());
        assertEquals("model_not_found", error(r).path("code").asText());
    }

    @Test
    void unknownAzureDeploymentIs404() throws Exception {
        HttpResponse<String> r = post("/openai/deployments/nope/chat/completions?api-version=2024-10-21", "{\"messages\":[]}",
                ProxyFixture.KEY);
        assertEquals(404, r.statusCode());
        assertEquals("DeploymentNotFound", error(r).path("code").asText());
    }

    @Test
    void aBodyOverTheCapIs413() throws Exception {
        String big = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(4000) + "\"}]}";
        HttpResponse<String> r = post("/v1/chat/completions", big, ProxyFixture.KEY);
        assertEquals(413, r.statusCode());
        assertEquals("request_too_large", error(r).path("code").asText());
    }

    @Test
    void aMissingKeyIs401() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}", null);
        assertEquals(401, r.statusCode());
        assertEquals("invalid_api_key", error(r).path("code").asText());
    }

    @Test
    void aWrongKeyIs401() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}", "not-a-key");
        assertEquals(401, r.statusCode());
        assertTrue(!r.body().contains("not-a-key"), "the presented key is not echoed");
    }
}
