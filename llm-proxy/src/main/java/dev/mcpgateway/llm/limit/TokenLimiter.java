package dev.mcpgateway.llm.limit;

/**
 * Token-per-minute limits and token quotas with reserve-then-reconcile counters.
 *
 * <p>Admission is atomic over all counters of a policy: the estimate is checked against, and reserved on,
 * the minute window and the quota window together, or on neither. A request is admitted when
 * {@code used + estimate <= limit} on every counter (and, with an estimate of 0, while {@code used < limit}).
 * Reconciliation adds {@code actual - reserved} (which may be negative) to the same windows.
 * Overshoot is therefore bounded by the unreserved part of the requests in flight; see
 * {@code docs/llm-token-limits.md}.
 *
 * <p>Implementations: {@link InMemoryTokenLimiter} (one gateway instance) and {@link RedisTokenLimiter}
 * (exact across instances: one Lua call per admission and per settlement). Windows are computed from an
 * injected {@link java.time.Clock} at UTC-truncated boundaries.
 */
public interface TokenLimiter {

    /**
     * Decides whether a request may proceed and, if so, reserves {@code estimatedTokens}.
     *
     * @param counterKey      the policy's counter key, evaluated for this call
     * @param policy          the limits to apply
     * @param estimatedTokens prompt tokens estimated locally, or 0 when the policy does not estimate
     */
    Admission admit(String counterKey, TokenLimitPolicy policy, long estimatedTokens);

    /**
     * Reconciles an admitted request with the tokens it actually consumed (prompt + completion from the
     * response {@code usage}, or the stream fallback count; 0 when the backend consumed nothing).
     * Call exactly once per admission.
     */
    Settlement settle(Reservation reservation, long actualTokens);

    /** Whether admitting or settling may wait on the network (a shared store): then callers leave the event loop. */
    default boolean mayBlock() {
        return false;
    }
}
