package dev.mcpgateway.gateway.policy.access;

import dev.mcpgateway.gateway.policy.attributes.Choice;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.Expression;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ip-filter}: {@code allow} lets only the listed addresses through, {@code forbid} stops them. A caller whose
 * address the surface does not know is stopped by {@code allow} (it cannot be shown to be listed) and let through by
 * {@code forbid}.
 *
 * @param ranges    the ranges and addresses written as text, read at load
 * @param addresses the addresses written as expressions, read per call
 */
record IpFilter(Choice<Action> action, List<AddressRange> ranges, List<Expression> addresses) implements Policy {

    static final Refusal FORBIDDEN = Refusal.of(403, "ip_forbidden", "Calls from this IP address are not allowed.");

    enum Action { ALLOW, FORBID }

    @Override
    public Decision apply(PolicyCall call) {
        Action chosen = action.evaluate(call);
        if (chosen == null) {
            return new Decision.Refuse(Refusal.POLICY_FAILED);
        }
        byte[] caller = IpAddresses.parse(call.value(ContextValue.REQUEST_IP_ADDRESS));
        boolean listed = caller != null && ranges.stream().anyMatch(range -> range.contains(caller));
        for (Expression address : addresses) {
            byte[] written = IpAddresses.parse(address.evaluateText(call));
            if (written == null) {
                return new Decision.Refuse(Refusal.POLICY_FAILED);
            }
            listed |= caller != null && Arrays.equals(written, caller);
        }
        boolean allowed = chosen == Action.ALLOW ? listed : !listed;
        return allowed ? Decision.CONTINUE : new Decision.Refuse(FORBIDDEN);
    }
}
