package dev.mcpgateway.llm.policy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** Without an application that brings its own {@link LlmPolicies} (the gateway), calls run no policies. */
@Factory
public class StandalonePolicies {

    @Singleton
    @Secondary
    LlmPolicies none() {
        return LlmPolicies.NONE;
    }
}
