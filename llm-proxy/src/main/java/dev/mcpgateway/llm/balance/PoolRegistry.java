package dev.mcpgateway.llm.balance;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live backend pools: empty at start, filled and changed by whoever compiles the resource definitions. */
@Singleton
public class PoolRegistry {

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    public Optional<Pool> get(String id) {
        return Optional.ofNullable(pools.get(id));
    }

    public Collection<Pool> all() {
        return List.copyOf(pools.values());
    }

    public void put(Pool pool) {
        pools.put(pool.id(), pool);
    }

    public boolean remove(String id) {
        return pools.remove(id) != null;
    }
}
