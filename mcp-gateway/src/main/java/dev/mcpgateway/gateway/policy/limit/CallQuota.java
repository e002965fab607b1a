package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code quota-by-key}: calls and/or kilobytes per renewal period for each value of {@code counter-key}, in fixed
 * windows counted from {@code first-period-start}. Bandwidth is what the call sent and received (request and response
 * bodies), known once it completes: a call is refused once the window's bandwidth is spent, so the call that spends
 * it still passes in full, as in APIM. When to count calls follows {@link Increment}.
 *
 * @param calls     calls per window, null when the quota counts bandwidth only
 * @param kilobytes kilobytes per window, null when the quota counts calls only
 */
record CallQuota(CallCounters counters, Expression counterKey, Long calls, Long kilobytes, Window window,
                 Increment increment) implements Policy {

    static final String BANDWIDTH = "bandwidth";

    @Override
    public Decision apply(PolicyCall call) {
        String key = "quota-by-key|" + Objects.toString(counterKey.evaluateText(call), "");
        List<Charge> charges = new ArrayList<>(2);
        if (calls != null) {
            charges.add(new Charge(CallRateLimit.CALLS, window, calls,
                    increment.onCompletion() ? 0 : increment.amount(call)));
        }
        if (kilobytes != null) {
            charges.add(new Charge(BANDWIDTH, window, kilobytes * 1024, 0));
        }
        Tally tally = counters.admit(key, charges);
        if (!tally.admitted()) {
            return new Decision.Refuse(refusal(charges, tally));
        }
        if (increment.onCompletion() || kilobytes != null) {
            call.onCompletion(outcome -> settle(key, charges, call, outcome));
        }
        return Decision.CONTINUE;
    }

    /** Names the measure that is spent: calls before bandwidth when both are. */
    private static Refusal refusal(List<Charge> charges, Tally tally) {
        int spent = 0;
        while (spent < charges.size() - 1 && charges.get(spent).fits(tally.counts().get(spent).used())) {
            spent++;
        }
        return LimitRefusals.quota(charges.get(spent).measure(), tally.counts().get(spent).secondsLeft());
    }

    /** Counts what is only known now: postponed calls, and the bytes the call moved. */
    private void settle(String key, List<Charge> charges, PolicyCall call, CallOutcome outcome) {
        for (Charge charge : charges) {
            long amount = charge.measure().equals(BANDWIDTH) ? bytes(call, outcome) : postponedCalls(call);
            if (amount > 0) {
                counters.add(key, charge.withAmount(amount));
            }
        }
    }

    private long bytes(PolicyCall call, CallOutcome outcome) {
        return increment.holds(call) ? outcome.requestBytes() + outcome.responseBytes() : 0;
    }

    /** Calls counted on the way in are not counted again. */
    private long postponedCalls(PolicyCall call) {
        return increment.onCompletion() ? increment.amount(call) : 0;
    }

    @Override
    public boolean mayBlock() {
        return counters.mayBlock();
    }
}
