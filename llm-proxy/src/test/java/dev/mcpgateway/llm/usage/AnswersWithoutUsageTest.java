package dev.mcpgateway.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.policy.ScriptedPolicies;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A backend that answers a whole (non-streamed) call without {@code usage} is charged an estimate, the prompt
 * estimate plus the generated text counted: the call's policies complete with it (token limits settle it) and the
 * token metrics count it.
 */
class AnswersWithoutUsageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"what is the capital of France?\"}]}";
    private static final String REPLY = "The capital of France is Paris, on the Seine.";
    private static final String CHAT_ANSWER = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + REPLY + "\"},\"finish_reason\":\"stop\"}]}";
    private final ScriptedPolicies policies = new ScriptedPolicies();
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private static long prompt(String body) throws Exception {
        return new PromptTokenEstimator().estimate(JSON.readTree(body), "gpt-4o");
    }

    private ProxyFixture withPolicies() throws Exception {
        return new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").policies(policies).start();
    }

    private HttpResponse<String> call(String path, String body) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), path, body).header("api-key", ProxyFixture.KEY));
    }

    private String scrape() throws Exception {
        return ProxyHttp.send(HttpRequest.newBuilder(proxy.uri().resolve("/metrics")).GET()).body();
    }

    /** The tokens the call's policies completed with (the call's answer has come: a whole one completes first). */
    private long consumed(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return policies.completions().getLast().tokens();
    }

    @Nested
    class WhenThePoliciesComplete {

        @Test
        void aChatAnswerIsChargedThePromptEstimatePlusTheReplyText() throws Exception {
            proxy = withPolicies();
            proxy.fake("b").thenRespond(new FakeOpenAiBackend.Behaviour.Raw(CHAT_ANSWER));

            HttpResponse<String> r = call("/v1/chat/completions", CHAT);

            assertEquals(200, r.statusCode(), r.body());
            assertEquals(CHAT_ANSWER, r.body(), "the answer itself is relayed untouched");
            assertEquals(prompt(CHAT) + O200K.countTokensOrdinary(REPLY), consumed(r));
        }

        @Test
        void toolCallArgumentsAreCountedAsCompletion() throws Exception {
            proxy = withPolicies();
            String arguments = "{\\\"city\\\":\\\"Paris\\\",\\\"unit\\\":\\\"celsius\\\"}";
            proxy.fake("b").thenRespond(new FakeOpenAiBackend.Behaviour.Raw("{\"choices\":[{\"index\":0,\"message\":"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"" + arguments + "\"}}]}}]}"));

            HttpResponse<String> r = call("/v1/chat/completions", CHAT);

            assertEquals(prompt(CHAT) + O200K.countTokensOrdinary("get_weather")
                    + O200K.countTokensOrdinary("{\"city\":\"Paris\",\"unit\":\"celsius\"}"), consumed(r));
        }

        @Test
        void completionsResponsesAndEmbeddingsAreEachCountedFromTheirShape() throws Exception {
            proxy = withPolicies();
            String completions = "{\"model\":\"gpt-4o\",\"prompt\":\"Once upon a time\"}";
            String responses = "{\"model\":\"gpt-4o\",\"input\":\"Say hello\"}";
            String embeddings = "{\"model\":\"gpt-4o\",\"input\":\"embed these few words\"}";
            proxy.fake("b").thenRespond(
                    new FakeOpenAiBackend.Behaviour.Raw("{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\" there lived a fox.\"}]}"),
                    new FakeOpenAiBackend.Behaviour.Raw("{\"object\":\"response\",\"output\":[{\"type\":\"message\",\"role\":\"assistant\","
                            + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hello to you too!\"}]}]}"),
                    new FakeOpenAiBackend.Behaviour.Raw("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.5,0.25]}]}"));

            assertEquals(prompt(completions) + O200K.countTokensOrdinary(" there lived a fox."),
                    consumed(call("/v1/completions", completions)));
            assertEquals(prompt(responses) + O200K.countTokensOrdinary("Hello to you too!"),
                    consumed(call("/v1/responses", responses)));
            assertEquals(prompt(embeddings), consumed(call("/v1/embeddings", embeddings)), "embeddings: the prompt only");
            assertTrue(prompt(embeddings) > 0);
        }

        @Test
        void anAnswerThatReportsUsageIsStillChargedWhatItReports() throws Exception {
            proxy = withPolicies();

            assertEquals(18, consumed(call("/v1/chat/completions", CHAT)), "the fake reports 11 + 7");
        }
    }

    @Nested
    class InTheTokenMetrics {

        @Test
        void theEstimateIsCountedAndMarkedAsEstimatedWithoutAnyLimitConfigured() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").start();
            proxy.fake("b").thenRespond(new FakeOpenAiBackend.Behaviour.Raw(CHAT_ANSWER));
            assertEquals(200, call("/v1/chat/completions", CHAT).statusCode());
            long expected = prompt(CHAT) + O200K.countTokensOrdinary(REPLY);

            String scrape = scrape();

            assertTrue(metric(scrape, "llm_tokens_total_tokens_total").endsWith(" " + expected + ".0"), scrape);
            assertTrue(metric(scrape, "llm_tokens_estimated_tokens_total").endsWith(" " + expected + ".0"), scrape);
            assertTrue(metric(scrape, "llm_tokens_prompt_tokens_total").endsWith(" " + prompt(CHAT) + ".0"), scrape);
        }

        @Test
        void reportedUsageIsNotMarkedAsEstimated() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").start();
            assertEquals(200, call("/v1/chat/completions", CHAT).statusCode());

            String scrape = scrape();

            assertTrue(metric(scrape, "llm_tokens_total_tokens_total").endsWith(" 18.0"), scrape);
            assertFalse(scrape.contains("llm_tokens_estimated_tokens_total{"), scrape);
        }

        private static String metric(String scrape, String name) {
            return scrape.lines().filter(l -> l.startsWith(name + "{")).findFirst().orElse("(missing " + name + ")");
        }
    }
}
