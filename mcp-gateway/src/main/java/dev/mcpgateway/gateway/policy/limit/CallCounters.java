package dev.mcpgateway.gateway.policy.limit;

import java.util.List;

/**
 * The counters behind {@code rate-limit}, {@code rate-limit-by-key} and {@code quota-by-key}: per key and measure, a
 * running total in fixed {@link Window}s. {@link InMemoryCallCounters} counts for one gateway instance,
 * {@link RedisCallCounters} for all instances sharing a Redis, exactly.
 */
public interface CallCounters {

    /**
     * Admits a call when every charge fits its counter, adding all the charges at once; when one does not fit, adds
     * nothing. Atomic per key: concurrent calls never pass a limit together.
     */
    Tally admit(String key, List<Charge> charges);

    /** Adds what a completed call used to its counter's current window, whatever the limit. */
    void add(String key, Charge charge);

    /** Whether counting waits on the network (Redis): the chain then runs on a virtual thread. */
    boolean mayBlock();
}
