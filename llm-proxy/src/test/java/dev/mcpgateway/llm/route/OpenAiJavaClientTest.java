package dev.mcpgateway.llm.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The official OpenAI Java client, in both URL styles, streaming and not, through the proxy to a fake backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiJavaClientTest {

    private ProxyFixture proxy;

    @BeforeAll
    void start() throws Exception {
        proxy = new ProxyFixture()
                .backend("azure-east", "azure-openai")
                .backend("oai", "openai")
                .route("azure-east", "gpt-4o")
                .route("oai", "text-embedding-3-small", "gpt-4o-mini")
                .start();
    }

    @AfterAll
    void stop() {
        proxy.close();
    }

    @BeforeEach
    void clean() {
        proxy.fake("azure-east").reset();
        proxy.fake("oai").reset();
    }

    private ChatCompletionCreateParams chat(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello").build();
    }

    @Nested
    class OpenAiStyle {

        private final OpenAIClient client() {
            return OpenAIOkHttpClient.builder().baseUrl(proxy.uri() + "/v1").apiKey(ProxyFixture.KEY).maxRetries(0).build();
        }

        @Test
        void chatCompletionReachesTheAzureBackendOnItsDeploymentPathWithItsOwnKey() {
            ChatCompletion completion = client().chat().completions().create(chat("gpt-4o"));

            assertEquals("Hello from the fake backend.", completion.choices().getFirst().message().content().orElseThrow());
            assertEquals(18, completion.usage().orElseThrow().totalTokens());
            FakeOpenAiBackend.Received received = proxy.fake("azure-east").received().getFirst();
            assertEquals("/openai/deployments/gpt-4o/chat/completions", received.path());
            assertTrue(received.query().startsWith("api-version="));
            assertEquals("upstream-secret-azure-east", received.headers().get("api-key"));
            assertFalse(received.headers().containsKey("authorization"), "the caller's key is never forwarded");
        }

        @Test
        void streamedChatArrivesChunkByChunk() {
            ChatCompletionCreateParams params = chat("gpt-4o");
            try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions().createStreaming(params)) {
                String text = stream.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .map(choice -> choice.delta().content().orElse(""))
                        .collect(Collectors.joining());
                assertEquals("Hello from the fake backend.", text);
            }
        }

        @Test
        void embeddingsReachTheOpenAiCompatibleBackend() {
            CreateEmbeddingResponse response = client().embeddings().create(EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small").input("hello").build());

            assertEquals(8, response.data().getFirst().embedding().size());
            FakeOpenAiBackend.Received received = proxy.fake("oai").received().getFirst();
            assertEquals("/v1/embeddings", received.path());
        }

        @Test
        void responsesApiIsRelayed() {
            Response response = client().responses().create(ResponseCreateParams.builder()
                    .model("gpt-4o-mini").input("Say hello").build());

            assertEquals("resp_oai", response.id());
            assertEquals("/v1/responses", proxy.fake("oai").received().getFirst().path());
        }

        @Test
        void streamedResponsesApiEventsArriveTypedAndComplete() {
            ResponseCreateParams params = ResponseCreateParams.builder().model("gpt-4o-mini").input("Say hello").build();
            try (StreamResponse<ResponseStreamEvent> stream = client().responses().createStreaming(params)) {
                java.util.List<ResponseStreamEvent> events = stream.stream().toList();
                String text = events.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                        .map(e -> e.asOutputTextDelta().delta()).collect(Collectors.joining());
                assertEquals("Hello from the fake backend.", text);
                assertTrue(events.getLast().isCompleted());
                assertEquals(18, events.getLast().asCompleted().response().usage().orElseThrow().totalTokens());
            }
            assertFalse(proxy.fake("oai").received().getFirst().json().has("stream_options"),
                    "the Responses API reports usage by itself: its body is forwarded untouched");
        }
    }

    @Nested
    class AzureStyle {

        private final OpenAIClient client() {
            return OpenAIOkHttpClient.builder()
                    .baseUrl(proxy.uri().toString())
                    .credential(AzureApiKeyCredential.create(ProxyFixture.KEY))
                    .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
                    .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                    .maxRetries(0)
                    .build();
        }

        @Test
        void chatCompletionKeepsTheCallersApiVersion() {
            ChatCompletion completion = client().chat().completions().create(chat("gpt-4o"));

            assertEquals("stop", completion.choices().getFirst().finishReason().asString());
            FakeOpenAiBackend.Received received = proxy.fake("azure-east").received().getFirst();
            assertEquals("/openai/deployments/gpt-4o/chat/completions", received.path());
            assertEquals("api-version=2024-10-21", received.query());
        }

        @Test
        void streamedChatArrivesWhole() {
            try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions().createStreaming(chat("gpt-4o"))) {
                String text = stream.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .map(choice -> choice.delta().content().orElse(""))
                        .collect(Collectors.joining());
                assertEquals("Hello from the fake backend.", text);
            }
        }

        @Test
        void openAiCompatibleBackendGetsTheDeploymentAsModel() {
            ChatCompletion completion = client().chat().completions().create(chat("gpt-4o-mini"));

            assertEquals("gpt-4o-mini", completion.model());
            FakeOpenAiBackend.Received received = proxy.fake("oai").received().getFirst();
            assertEquals("/v1/chat/completions", received.path());
            assertEquals("gpt-4o-mini", received.json().path("model").asText());
        }
    }
}
