package dev.mcpgateway.llm.config;

import dev.mcpgateway.llm.balance.Balancer;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;

/** The balancer is plain Java; this makes it a bean. */
@Factory
public class BalancerFactory {

    @Singleton
    Balancer balancer() {
        return new Balancer(ThreadLocalRandom.current());
    }
}
