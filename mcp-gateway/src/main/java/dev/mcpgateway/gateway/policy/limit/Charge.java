package dev.mcpgateway.gateway.policy.limit;

/**
 * What one call asks of one counter of a key: {@code amount} more on the window of {@code measure} ({@code calls},
 * {@code bandwidth}), within {@code limit}. An amount of 0 only asks that the counter is not spent yet: the call is
 * checked now and counted once it completes.
 */
public record Charge(String measure, Window window, long limit, long amount) {

    /** Whether the charge fits on a counter that has used {@code used} of its window. */
    public boolean fits(long used) {
        return used + Math.max(amount, 1) <= limit;
    }

    public Charge withAmount(long other) {
        return new Charge(measure, window, limit, other);
    }
}
