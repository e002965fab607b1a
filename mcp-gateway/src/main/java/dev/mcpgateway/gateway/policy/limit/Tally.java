package dev.mcpgateway.gateway.policy.limit;

import java.util.List;

/**
 * The counters' answer to one call: admitted (every charge added) or not (none added), and each counter as it stands
 * after the decision, in the order of the charges.
 */
public record Tally(boolean admitted, List<Count> counts) {

    public Tally {
        counts = List.copyOf(counts);
    }

    /**
     * One counter after a decision.
     *
     * @param used        what its window has used
     * @param secondsLeft seconds until the window renews (at least 1), null when it never does
     */
    public record Count(long used, Long secondsLeft) {
    }
}
