package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.expression.Expression;
import java.util.List;

/**
 * One compiled {@code llm-emit-token-metric}: the values its dimensions give the call's token metrics. The proxy
 * records every call's tokens under its built-in dimensions; this policy values them its own way or adds custom ones.
 */
record TokenMetricLabels(List<Label> labels) implements Policy {

    /** A metric label and the expression that values it per call. */
    record Label(String name, Expression value) {
    }

    TokenMetricLabels {
        labels = List.copyOf(labels);
    }

    @Override
    public Decision apply(PolicyCall call) {
        LlmCallFacts facts = LlmCallFacts.of(call);
        for (Label label : labels) {
            facts.metricLabel(label.name(), label.value().evaluateText(call));
        }
        return Decision.CONTINUE;
    }
}
