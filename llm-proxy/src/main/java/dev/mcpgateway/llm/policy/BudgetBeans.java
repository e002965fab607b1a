package dev.mcpgateway.llm.policy;

import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Makes llm-budget's plain-Java estimator a bean (its encodings load lazily, on the first count). */
@Factory
public class BudgetBeans {

    @Singleton
    PromptTokenEstimator promptTokenEstimator() {
        return new PromptTokenEstimator();
    }
}
