package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.cache.CacheKey;
import dev.mcpgateway.llm.cache.CachedResponse;
import dev.mcpgateway.llm.cache.ResponseCache;
import dev.mcpgateway.llm.metrics.TokenMetricDimensions;
import dev.mcpgateway.llm.metrics.TokenMetrics;
import dev.mcpgateway.llm.policy.TokenLimits;
import dev.mcpgateway.llm.usage.Usage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The end of one admitted call, done exactly once whichever way it ends (answer, stream end, cut, failure):
 * settle the token reservations with what was consumed, record token metrics, store a complete 2xx answer in the
 * cache when the call was cacheable.
 */
final class CallAccounting {

    private final TokenLimits limits;
    private final TokenLimits.Held held;
    private final Optional<TokenMetrics> metrics;
    private final ResponseCache cache;
    private final CacheKey cacheKey;
    private final Duration cacheTtl;
    private final Executor settleOn;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile TokenMetricDimensions dimensions;

    CallAccounting(TokenLimits limits, TokenLimits.Held held, Optional<TokenMetrics> metrics,
                   TokenMetricDimensions dimensions, ResponseCache cache, CacheKey cacheKey, Duration cacheTtl,
                   Executor settleOn) {
        this.settleOn = settleOn;
        this.limits = limits;
        this.held = held;
        this.metrics = metrics;
        this.dimensions = dimensions;
        this.cache = cache;
        this.cacheKey = cacheKey;
        this.cacheTtl = cacheTtl;
    }

    TokenLimits.Held held() {
        return held;
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
     * Settles and records; returns the headers known only now (tokens consumed, remaining after settlement).
     *
     * @param estimated true when the gateway counted the usage itself because the backend reported none
     */
    Map<String, String> finish(Usage usage, boolean estimated, CachedResponse answer) {
        if (!finished.compareAndSet(false, true)) {
            return Map.of();
        }
        Map<String, String> headers = held.isEmpty() ? Map.of() : limits.settle(held, usage.totalTokens());
        if (usage.totalTokens() > 0) {
            metrics.ifPresent(m -> m.recordUsage(dimensions, usage, estimated));
        }
        if (cacheKey != null && answer != null && answer.storable()) {
            cache.put(cacheKey, answer, cacheTtl);
        }
        return headers;
    }

    /**
     * Where the end of the call may run: the event loop itself when nothing is held or cached, else a virtual thread
     * (settling counters or storing an answer may wait on Redis).
     */
    Executor settleOn() {
        return settleOn;
    }

    /** {@link #finish} where it may run, for an end nobody waits on (a stream's). */
    void finishLater(Usage usage, boolean estimated, CachedResponse answer) {
        settleOn.execute(() -> finish(usage, estimated, answer));
    }

    /** The call ended without consuming anything (refused upstream, failed, or served from the cache). */
    void release() {
        finish(Usage.NONE, false, null);
    }
}
