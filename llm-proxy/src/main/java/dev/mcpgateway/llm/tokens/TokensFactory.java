package dev.mcpgateway.llm.tokens;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** One estimator per process: jtokkit encodings are loaded lazily and shared. */
@Factory
public class TokensFactory {

    @Singleton
    PromptTokenEstimator promptTokenEstimator() {
        return new PromptTokenEstimator(new TokenEncodings());
    }
}
