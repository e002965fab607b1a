package dev.mcpgateway.llm.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.SubscriptionKeyNames;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** LLM APIs registered at run time: served at their paths, with their own backend and subscription key places. */
class RegisteredApisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final SubscriptionKeyNames AZURE_CLIENT_KEYS = SubscriptionKeyNames.of("api-key", "subscription-key");
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private ProxyFixture withApi(LlmApi api) throws Exception {
        return new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").api(api).start();
    }

    private HttpResponse<String> post(String path, String header, String value) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), path, CHAT).header(header, value));
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error");
    }

    @Nested
    class AtTheirPaths {

        @Test
        void anAzureApiAtANestedPathServesAndTheBuiltInsNoLonger() throws Exception {
            proxy = withApi(new LlmApi("east", "aoai/east", LlmApi.Type.AZURE_OPENAI, true, AZURE_CLIENT_KEYS, null));

            HttpResponse<String> served = post("/aoai/east/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                    "api-key", ProxyFixture.KEY);
            HttpResponse<String> builtIn = post("/openai/deployments/gpt-4o/chat/completions", "api-key",
                    ProxyFixture.KEY);

            assertEquals(200, served.statusCode());
            assertEquals("/openai/deployments/gpt-4o/chat/completions", proxy.fake("b").received().getFirst().path());
            assertEquals(404, builtIn.statusCode());
            assertTrue(error(builtIn).isMissingNode(), "not the LLM API's answer: " + builtIn.body());
        }

        @Test
        void aPathUnderAnApiNamingNoOperationIsTheOpenAiEnvelopes404() throws Exception {
            proxy = withApi(new LlmApi("east", "aoai/east", LlmApi.Type.AZURE_OPENAI, true, AZURE_CLIENT_KEYS, null));

            HttpResponse<String> r = post("/aoai/east/deployments/gpt-4o/images/generations", "api-key",
                    ProxyFixture.KEY);

            assertEquals(404, r.statusCode());
            assertEquals("unknown_url", error(r).path("code").asText());
            assertEquals("invalid_request_error", error(r).path("type").asText());
            assertEquals(0, proxy.fake("b").requestCount());
        }

        @Test
        void anApiAtTheRootLeavesTheApplicationsOtherAnswersAlone() throws Exception {
            proxy = withApi(new LlmApi("all", "", LlmApi.Type.OPENAI, true, null, null));

            HttpResponse<String> getOnly = post("/metrics", "api-key", ProxyFixture.KEY);
            HttpResponse<String> nowhere = post("/no/such/route", "api-key", ProxyFixture.KEY);
            HttpResponse<String> served = post("/chat/completions", "Ocp-Apim-Subscription-Key", ProxyFixture.KEY);

            assertEquals(405, getOnly.statusCode(), getOnly.body());
            assertEquals(404, nowhere.statusCode());
            assertTrue(error(nowhere).isMissingNode(), nowhere.body());
            assertEquals(200, served.statusCode(), served.body());
        }

        @Test
        void aPercentEncodedDeploymentNameIsTheDecodedName() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt 4o")
                    .api(new LlmApi("east", "aoai/east", LlmApi.Type.AZURE_OPENAI, true, AZURE_CLIENT_KEYS, null)).start();

            HttpResponse<String> r = post("/aoai/east/deployments/gpt%204o/chat/completions", "api-key",
                    ProxyFixture.KEY);

            assertEquals(200, r.statusCode(), r.body());
            assertEquals("/openai/deployments/gpt 4o/chat/completions", proxy.fake("b").received().getFirst().path(),
                    "as the backend decodes it");
        }

        @Test
        void anApiNamingABackendSendsEveryDeploymentThere() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai")
                    .api(new LlmApi("east", "openai", LlmApi.Type.AZURE_OPENAI, true, AZURE_CLIENT_KEYS, "b")).start();

            HttpResponse<String> r = post("/openai/deployments/no-route-for-this/chat/completions", "api-key",
                    ProxyFixture.KEY);

            assertEquals(200, r.statusCode(), r.body());
            assertEquals("/openai/deployments/no-route-for-this/chat/completions",
                    proxy.fake("b").received().getFirst().path());
        }
    }

    @Nested
    class WithTheirKeyPlaces {

        @Test
        void apimsDefaultsAreTheHeaderAndTheQueryParameterAndNothingElse() throws Exception {
            proxy = withApi(new LlmApi("oai", "v1", LlmApi.Type.OPENAI, true, null, null));

            HttpResponse<String> header = post("/v1/chat/completions", "Ocp-Apim-Subscription-Key", ProxyFixture.KEY);
            HttpResponse<String> query = post("/v1/chat/completions?subscription-key=" + ProxyFixture.KEY, "x-other", "1");
            HttpResponse<String> bearer = post("/v1/chat/completions", "Authorization", "Bearer " + ProxyFixture.KEY);
            HttpResponse<String> elsewhere = post("/v1/chat/completions", "api-key", ProxyFixture.KEY);

            assertEquals(200, header.statusCode());
            assertEquals(200, query.statusCode());
            assertEquals(200, bearer.statusCode(), "OpenAI clients send their key as a bearer token");
            assertEquals(401, elsewhere.statusCode());
            assertEquals("Access denied due to missing subscription key. Send it in the Ocp-Apim-Subscription-Key "
                    + "header, the subscription-key query parameter, or as a bearer token.",
                    error(elsewhere).path("message").asText());
        }

        @Test
        void aKeyInACustomHeaderNeverReachesTheBackend() throws Exception {
            proxy = withApi(new LlmApi("east", "openai", LlmApi.Type.AZURE_OPENAI, true,
                    SubscriptionKeyNames.of("x-llm-key", null), null));

            HttpResponse<String> r = post("/openai/deployments/gpt-4o/chat/completions", "x-llm-key", ProxyFixture.KEY);

            assertEquals(200, r.statusCode(), r.body());
            FakeOpenAiBackend.Received received = proxy.fake("b").received().getFirst();
            assertNull(received.headers().get("x-llm-key"));
            assertEquals("upstream-secret-b", received.headers().get("api-key"));
        }

        @Test
        void anApiWithoutSubscriptionServesCallersWithoutAKey() throws Exception {
            proxy = withApi(new LlmApi("open", "openai", LlmApi.Type.AZURE_OPENAI, false, null, null));

            HttpResponse<String> r = post("/openai/deployments/gpt-4o/chat/completions", "x-other", "1");

            assertEquals(200, r.statusCode(), r.body());
            assertFalse(r.body().isEmpty());
        }
    }
}
