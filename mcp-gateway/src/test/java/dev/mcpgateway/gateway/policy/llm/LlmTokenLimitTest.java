package dev.mcpgateway.gateway.policy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyDocuments;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.limit.InMemoryTokenLimiter;
import dev.mcpgateway.llm.policy.LlmCall;
import dev.mcpgateway.testsupport.ManualClock;
import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One llm-token-limit statement applied to LLM calls: admission, refusal, settlement, headers and variables. */
class LlmTokenLimitTest {

    private static final LlmApi API = new LlmApi("aoai", "", LlmApi.Type.AZURE_OPENAI, true, null, null);
    private final ManualClock clock = new ManualClock("2026-03-10T10:00:05Z");
    private final TokenLimitFactory factory = new TokenLimitFactory(() -> new InMemoryTokenLimiter(clock));

    private Policy compile(String attributes) throws PolicyDocumentException {
        PolicyElement element = PolicyDocuments.read("<policies><inbound><llm-token-limit " + attributes
                + " /></inbound></policies>").section(Section.INBOUND).getFirst();
        return factory.compile(element, null);
    }

    /** A call of subscription {@code sub} whose prompt is estimated at 40 tokens. */
    private static PolicyCall call(String sub, boolean stream) {
        LlmCall llm = new LlmCall(API, Operation.CHAT_COMPLETIONS, "gpt-4o", new Consumer(sub, "ai", null,
                "10.0.0.7"), HttpRequest.POST("/deployments/gpt-4o/chat/completions", ""), stream, () -> 40);
        return new PolicyCall(new LlmCallFacts(llm, new ConsumerDirectory(), id -> null));
    }

    @Test
    void anAdmittedCallIsChargedWhatItConsumedWhenItCompletes() throws Exception {
        Policy limit = compile("counter-key=\"@(context.Subscription.Id)\" tokens-per-minute=\"100\""
                + " estimate-prompt-tokens=\"true\" remaining-tokens-header-name=\"x-left\""
                + " tokens-consumed-header-name=\"x-used\" remaining-tokens-variable-name=\"left\""
                + " tokens-consumed-variable-name=\"used\"");
        PolicyCall call = call("sub-1", false);

        assertEquals(Decision.CONTINUE, limit.apply(call));
        assertEquals(Map.of("x-left", List.of("60")), call.responseHeaders(), "the estimate is reserved");
        assertEquals(60L, call.variable("left"));
        call.complete(new CallOutcome(200, 0, 0, 25));

        assertEquals(List.of("75"), call.responseHeaders().get("x-left"), "settled at what was consumed");
        assertEquals(List.of("25"), call.responseHeaders().get("x-used"));
        assertEquals(25L, call.variable("used"));
    }

    @Test
    void overTheRateIs429WithRetryAfterAndTheCountsHeaders() throws Exception {
        Policy limit = compile("counter-key=\"@(context.Subscription.Id)\" tokens-per-minute=\"50\""
                + " estimate-prompt-tokens=\"true\" retry-after-header-name=\"x-retry\"");
        PolicyCall first = call("sub-1", false);
        limit.apply(first);
        first.complete(new CallOutcome(200, 0, 0, 30));

        Decision refused = limit.apply(call("sub-1", false));

        Refusal refusal = assertInstanceOf(Decision.Refuse.class, refused).refusal();
        assertEquals(429, refusal.status());
        assertEquals("token_limit_exceeded", refusal.code());
        assertEquals("Token limit is exceeded. Try again in 55 seconds.", refusal.message());
        assertEquals(55L, refusal.retryAfterSeconds());
        assertEquals("55", refusal.headers().get("x-retry"));
        assertEquals(Decision.CONTINUE, limit.apply(call("sub-2", false)), "another key, another counter");
    }

    @Test
    void aSpentQuotaIs403() throws Exception {
        Policy limit = compile("counter-key=\"team\" token-quota=\"10\" token-quota-period=\"Daily\"");
        PolicyCall first = call("sub-1", false);
        limit.apply(first);
        first.complete(new CallOutcome(200, 0, 0, 10));

        Refusal refusal = assertInstanceOf(Decision.Refuse.class, limit.apply(call("sub-1", false))).refusal();

        assertEquals(403, refusal.status());
        assertEquals("token_quota_exceeded", refusal.code());
    }

    @Test
    void aStreamReservesItsPromptEvenWithoutEstimatePromptTokens() throws Exception {
        Policy limit = compile("counter-key=\"k\" tokens-per-minute=\"100\" remaining-tokens-header-name=\"x-left\"");

        PolicyCall stream = call("sub-1", true);
        limit.apply(stream);

        assertEquals(List.of("60"), stream.responseHeaders().get("x-left"));
    }

    @Test
    void limitsAreValuesAndTheOlderNameCompilesTheSame() throws Exception {
        PolicyDocumentException e = assertThrows(PolicyDocumentException.class, () -> compile(
                "counter-key=\"k\" tokens-per-minute=\"@(context.Variables.GetValueOrDefault&lt;int&gt;(&quot;t&quot;))\""));
        assertTrue(e.getMessage().contains("'tokens-per-minute' takes a value, not an expression"), e.getMessage());
        assertTrue(factory.elements().contains("azure-openai-token-limit"));
    }
}
