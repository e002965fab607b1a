package dev.mcpgateway.llm.backend;

import dev.mcpgateway.llm.breaker.CircuitBreaker;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live backends and their circuit breakers: empty at start, filled and changed by whoever compiles the resource
 * definitions. Replacing a backend keeps its breaker state unless its breaker rule changed.
 */
@Singleton
public class BackendRegistry {

    private final Clock clock;
    private final Map<String, Backend> backends = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public BackendRegistry(@Named("llm") Clock clock) {
        this.clock = clock;
    }

    public Optional<Backend> get(String id) {
        return Optional.ofNullable(backends.get(id));
    }

    public Collection<Backend> all() {
        return List.copyOf(backends.values());
    }

    public synchronized void put(Backend backend) {
        Backend previous = backends.put(backend.id(), backend);
        if (previous == null || !previous.breaker().equals(backend.breaker())) {
            breakers.put(backend.id(), new CircuitBreaker(backend.breaker(), clock));
        }
    }

    public synchronized boolean remove(String id) {
        breakers.remove(id);
        return backends.remove(id) != null;
    }

    public CircuitBreaker breaker(String id) {
        return breakers.get(id);
    }

    /** Whether the backend exists and its breaker lets traffic through. */
    public boolean isAvailable(String id) {
        CircuitBreaker breaker = breakers.get(id);
        return breaker != null && breaker.isAvailable();
    }
}
