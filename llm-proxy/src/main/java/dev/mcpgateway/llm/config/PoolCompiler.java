package dev.mcpgateway.llm.config;

import dev.mcpgateway.llm.balance.Pool;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code llm.pools.<id>} into a {@link Pool} once at startup; a bad value fails naming its key. */
public final class PoolCompiler {

    private PoolCompiler() {
    }

    public static Pool compile(PoolProperties p) {
        try {
            List<Pool.Member> members = new ArrayList<>();
            for (String backend : p.getBackends()) {
                members.add(new Pool.Member(backend,
                        p.getWeights().getOrDefault(backend, 1), p.getPriorities().getOrDefault(backend, 1)));
            }
            return new Pool(p.getId(), members, Pool.Affinity.parse(p.getSessionAffinity()), p.getAffinityName());
        } catch (RuntimeException e) {
            throw new IllegalStateException("llm.pools." + p.getId() + ": " + e.getMessage(), e);
        }
    }
}
