package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.cache.CacheKey;
import dev.mcpgateway.llm.cache.CachedResponse;
import dev.mcpgateway.llm.cache.ResponseCache;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import dev.mcpgateway.llm.metrics.TokenMetricDimensions;
import dev.mcpgateway.llm.metrics.TokenMetrics;
import dev.mcpgateway.llm.policy.CallPolicies;
import dev.mcpgateway.llm.policy.InboundDecision;
import dev.mcpgateway.llm.relay.UpstreamResponse;
import dev.mcpgateway.llm.usage.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The end of one admitted call, done exactly once whichever way it ends (answer, stream end, cut, failure):
 * complete the call's policies with what was consumed (token limits settle their reservations), record token
 * metrics, store a complete 2xx answer in the cache when the call was cacheable.
 */
final class CallAccounting {

    private final CallPolicies policies;
    private final Optional<TokenMetrics> metrics;
    private final ResponseCache cache;
    private final CacheKey cacheKey;
    private final Duration cacheTtl;
    private final Executor settleOn;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile TokenMetricDimensions dimensions;

    CallAccounting(CallPolicies policies, Optional<TokenMetrics> metrics, TokenMetricDimensions dimensions,
                   ResponseCache cache, CacheKey cacheKey, Duration cacheTtl, Executor settleOn) {
        this.policies = policies;
        this.metrics = metrics;
        this.dimensions = dimensions;
        this.cache = cache;
        this.cacheKey = cacheKey;
        this.cacheTtl = cacheTtl;
        this.settleOn = settleOn;
    }

    /** The headers the call's policies add to its response, as they stand (after {@link #finish}: all of them). */
    Map<String, List<String>> responseHeaders() {
        return policies.responseHeaders();
    }

    /** The outbound policies on the backend's answer, before anything of it is relayed. */
    InboundDecision outbound(UpstreamResponse upstream) {
        return policies.outbound(upstream.status(), name -> {
            List<String> values = upstream.headers().allValues(name);
            return values.isEmpty() ? null : String.join(",", values);
        });
    }

    TokenMetricDimensions dimensions() {
        return dimensions;
    }

    void servedBy(String backendId) {
        dimensions = dimensions.withBackend(backendId);
    }

    Optional<TokenMetrics> metrics() {
        return metrics;
    }

    boolean caching() {
        return cacheKey != null;
    }

    /**
     * Completes the policies and records.
     *
     * @param status    the status the caller got
     * @param estimated true when the gateway counted the usage itself because the backend reported none
     */
    void finish(int status, Usage usage, boolean estimated, CachedResponse answer) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        policies.complete(status, usage.totalTokens());
        if (usage.totalTokens() > 0) {
            metrics.ifPresent(m -> m.recordUsage(dimensions, usage, estimated));
        }
        if (cacheKey != null && answer != null && answer.storable()) {
            cache.put(cacheKey, answer, cacheTtl);
        }
    }

    /**
     * Where the end of the call may run: the event loop itself when no policy or cache may wait, else a virtual
     * thread (settling counters or storing an answer may wait on Redis).
     */
    Executor settleOn() {
        return settleOn;
    }

    /** {@link #finish} where it may run, for an end nobody waits on (a stream's). */
    void finishLater(int status, Usage usage, boolean estimated, CachedResponse answer) {
        settleOn.execute(() -> finish(status, usage, estimated, answer));
    }

    /** The call ended without consuming anything (served from the cache, or refused upstream). */
    void release(int status) {
        finish(status, Usage.NONE, false, null);
    }

    /** The call failed before an answer: released with the status its error gets. */
    void failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        release(cause instanceof OpenAiErrorException refused ? refused.error().status() : 500);
    }
}
