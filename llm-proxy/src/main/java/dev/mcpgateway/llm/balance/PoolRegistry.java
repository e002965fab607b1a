package dev.mcpgateway.llm.balance;

import dev.mcpgateway.llm.config.PoolCompiler;
import dev.mcpgateway.llm.config.PoolProperties;
import io.micronaut.context.annotation.Context;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live backend pools: seeded from {@code llm.pools}, changed through the admin API. */
@Context
public class PoolRegistry {

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    public PoolRegistry(List<PoolProperties> configured) {
        configured.forEach(p -> put(PoolCompiler.compile(p)));
    }

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
