package dev.mcpgateway.llm.policy;

import dev.mcpgateway.llm.retry.RetryDecision;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * Policies a test scripts in place of the gateway's engine: what inbound decides, the headers set on the way in, a
 * header valued with the tokens at completion, the metric labels, a retry of the backend call; it keeps the calls
 * asked about, the statuses the retry was asked about and every completion.
 */
public final class ScriptedPolicies implements LlmPolicies {

    /** One {@link CallPolicies#complete}: the status the caller got and the tokens consumed. */
    public record Completion(int status, long tokens) {
    }

    private final List<LlmCall> calls = new CopyOnWriteArrayList<>();
    private final List<Completion> completions = new CopyOnWriteArrayList<>();
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> inboundHeaders = new LinkedHashMap<>();
    private volatile InboundDecision decision = InboundDecision.PROCEED;
    private volatile String tokensHeader;
    private volatile Map<String, String> labels = Map.of();
    private volatile IntPredicate retryWhile = status -> false;
    private volatile int retries;
    private volatile Duration retryDelay = Duration.ZERO;

    public ScriptedPolicies decide(InboundDecision next) {
        decision = next;
        return this;
    }

    public ScriptedPolicies header(String name, String... values) {
        inboundHeaders.put(name, List.of(values));
        return this;
    }

    /** At completion, a header carrying the tokens consumed (as a token limit's tokens-consumed-header-name). */
    public ScriptedPolicies tokensHeader(String name) {
        tokensHeader = name;
        return this;
    }

    public ScriptedPolicies labels(Map<String, String> metricLabels) {
        labels = metricLabels;
        return this;
    }

    /** As a {@code <retry>} of the backend call: up to {@code count} retries, {@code delay} apart, while it holds. */
    public ScriptedPolicies retryWhile(IntPredicate condition, int count, Duration delay) {
        retryWhile = condition;
        retries = count;
        retryDelay = delay;
        return this;
    }

    /** The status of every answer the retry was asked about, in order. */
    public List<Integer> attempts() {
        return attempts;
    }

    public List<LlmCall> calls() {
        return calls;
    }

    public List<Completion> completions() {
        return completions;
    }

    @Override
    public CallPolicies of(LlmCall call) {
        calls.add(call);
        Map<String, List<String>> headers = new LinkedHashMap<>(inboundHeaders);
        return new CallPolicies() {
            @Override
            public boolean mayBlock() {
                return false;
            }

            @Override
            public InboundDecision inbound() {
                return decision;
            }

            @Override
            public InboundDecision backend() {
                return InboundDecision.PROCEED;
            }

            @Override
            public RetryDecision retry(int status, int attempt) {
                attempts.add(status);
                return retryWhile.test(status) && attempt <= retries ? RetryDecision.retryAfter(retryDelay)
                        : RetryDecision.stop();
            }

            @Override
            public InboundDecision again() {
                return InboundDecision.PROCEED;
            }

            @Override
            public String backendId() {
                return null;
            }

            @Override
            public Map<String, List<String>> requestHeaders() {
                return Map.of();
            }

            @Override
            public java.time.Duration forwardTimeout() {
                return null;
            }

            @Override
            public InboundDecision outbound(int status, UnaryOperator<String> headers) {
                return InboundDecision.PROCEED;
            }

            @Override
            public Map<String, List<String>> responseHeaders() {
                return headers;
            }

            @Override
            public Map<String, String> metricLabels() {
                return labels;
            }

            @Override
            public void complete(int status, long tokens) {
                if (tokensHeader != null) {
                    headers.put(tokensHeader, List.of(Long.toString(tokens)));
                }
                completions.add(new Completion(status, tokens));
            }
        };
    }
}
