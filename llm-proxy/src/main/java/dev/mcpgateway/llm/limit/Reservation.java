package dev.mcpgateway.llm.limit;

import java.time.Instant;

/**
 * Tokens held on the counters by an admitted request, tied to the windows they were taken from so that
 * reconciliation lands in those windows even when the call ends after a boundary.
 *
 * @param counterKey        the evaluated counter key
 * @param policy            the policy that admitted the request
 * @param reservedTokens    tokens reserved at admission (the prompt estimate, or 0)
 * @param rateWindowStart   start of the minute window charged, or null without a rate limit
 * @param quotaWindowStart  start of the quota window charged, or null without a quota
 * @param local             true when the reservation was taken on this instance's in-memory counters because
 *                          the shared store (Redis) could not be reached; it is settled there too
 */
public record Reservation(String counterKey, TokenLimitPolicy policy, long reservedTokens,
                          Instant rateWindowStart, Instant quotaWindowStart, boolean local) {

    public Reservation(String counterKey, TokenLimitPolicy policy, long reservedTokens, Instant rateWindowStart,
                       Instant quotaWindowStart) {
        this(counterKey, policy, reservedTokens, rateWindowStart, quotaWindowStart, false);
    }

    Reservation asLocal() {
        return new Reservation(counterKey, policy, reservedTokens, rateWindowStart, quotaWindowStart, true);
    }
}
