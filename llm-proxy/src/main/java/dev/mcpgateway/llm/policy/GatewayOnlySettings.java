package dev.mcpgateway.llm.policy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.util.List;

/**
 * Token limits and metric dimensions configured as {@code llm.*} properties are policies the gateway's engine
 * applies. A proxy started without the gateway applies none, so it refuses to start with them rather than serve
 * calls the operator believes limited.
 */
@Context
final class GatewayOnlySettings {

    GatewayOnlySettings(Environment environment, LlmPolicies policies) {
        if (policies != LlmPolicies.NONE) {
            return;
        }
        for (String prefix : List.of("llm.token-limits", "llm.metrics.dimensions")) {
            if (environment.containsProperties(prefix)) {
                throw new IllegalStateException(prefix + " is applied by the gateway's policy engine; the LLM proxy"
                        + " started on its own applies no policies");
            }
        }
    }
}
