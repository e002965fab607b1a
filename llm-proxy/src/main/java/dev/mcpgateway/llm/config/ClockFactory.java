package dev.mcpgateway.llm.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The proxy's clock (breaker trip deadlines), named so that tests can replace it with a controllable one. */
@Factory
public class ClockFactory {

    @Singleton
    @Named("llm")
    Clock llmClock() {
        return Clock.systemUTC();
    }
}
