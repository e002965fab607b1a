package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.attributes.WholeNumber;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import java.util.List;
import java.util.function.Function;

/**
 * Calls per renewal period on one counter ({@code rate-limit}, {@code rate-limit-by-key}). APIM documents a sliding
 * window; the gateway counts in fixed windows aligned to the period (a 60-second period renews on the minute), which
 * every instance computes alike and Redis counts with one key per window. A refusal says when the window renews.
 *
 * @param counter the counter key of a call, namespaced by the policy
 */
record CallRateLimit(CallCounters counters, Function<PolicyCall, String> counter, WholeNumber calls,
                     WholeNumber renewalPeriod, Increment increment, RateReport report) implements Policy {

    static final String CALLS = "calls";

    @Override
    public Decision apply(PolicyCall call) {
        Long limit = calls.value(call);
        Long seconds = renewalPeriod.value(call);
        if (limit == null || seconds == null) {
            return new Decision.Refuse(LimitRefusals.unusable());
        }
        String key = counter.apply(call);
        boolean later = increment.onCompletion();
        Charge charge = new Charge(CALLS, Window.of(seconds), limit, later ? 0 : increment.amount(call));
        Tally tally = counters.admit(key, List.of(charge));
        Tally.Count count = tally.counts().getFirst();
        if (!tally.admitted()) {
            return new Decision.Refuse(report.refused(call, limit, count.secondsLeft()));
        }
        report.admitted(call, limit, Math.max(0, limit - count.used()));
        if (later) {
            call.onCompletion(outcome -> {
                long amount = increment.amount(call);
                if (amount > 0) {
                    counters.add(key, charge.withAmount(amount));
                }
            });
        }
        return Decision.CONTINUE;
    }

    @Override
    public boolean mayBlock() {
        return counters.mayBlock();
    }
}
