package dev.mcpgateway.llm.balance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Chooses the next backend of a pool. Only the highest-priority group that still has an available (untripped)
 * member is eligible; members already tried for this request are skipped, so a retry moves to the next backend of
 * the same group and spills to a lower group only once the higher group is tripped. Within the group: session
 * affinity first (rendezvous hashing, stable when members come and go), else round-robin, or random by weight when
 * weights differ.
 */
public final class Balancer {

    private final RandomGenerator random;
    private final ConcurrentHashMap<String, AtomicLong> cursors = new ConcurrentHashMap<>();

    public Balancer(RandomGenerator random) {
        this.random = random;
    }

    public Optional<String> choose(Pool pool, Predicate<String> available, Set<String> tried, String affinityKey) {
        List<Pool.Member> group = eligibleGroup(pool, available);
        List<Pool.Member> candidates = new ArrayList<>(group.size());
        for (Pool.Member m : group) {
            if (available.test(m.backend()) && !tried.contains(m.backend())) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (affinityKey != null && !affinityKey.isEmpty()) {
            return Optional.of(rendezvous(candidates, affinityKey));
        }
        boolean weighted = candidates.stream().anyMatch(m -> m.weight() != candidates.getFirst().weight());
        return Optional.of(weighted ? byWeight(candidates) : roundRobin(pool.id(), candidates));
    }

    /** The members of the highest priority group (lowest number) that has an available member; two passes, no map. */
    private static List<Pool.Member> eligibleGroup(Pool pool, Predicate<String> available) {
        int best = Integer.MAX_VALUE;
        for (Pool.Member m : pool.members()) {
            if (m.priority() < best && available.test(m.backend())) {
                best = m.priority();
            }
        }
        if (best == Integer.MAX_VALUE) {
            return List.of();
        }
        List<Pool.Member> group = new ArrayList<>(pool.members().size());
        for (Pool.Member m : pool.members()) {
            if (m.priority() == best) {
                group.add(m);
            }
        }
        return group;
    }

    private String roundRobin(String poolId, List<Pool.Member> candidates) {
        long n = cursors.computeIfAbsent(poolId, k -> new AtomicLong()).getAndIncrement();
        return candidates.get((int) Math.floorMod(n, candidates.size())).backend();
    }

    private String byWeight(List<Pool.Member> candidates) {
        int total = candidates.stream().mapToInt(Pool.Member::weight).sum();
        int pick = random.nextInt(total);
        for (Pool.Member m : candidates) {
            pick -= m.weight();
            if (pick < 0) {
                return m.backend();
            }
        }
        return candidates.getLast().backend();
    }

    private static String rendezvous(List<Pool.Member> candidates, String key) {
        String best = null;
        long bestScore = Long.MIN_VALUE;
        for (Pool.Member m : candidates) {
            long score = fnv1a(key + '\u0000' + m.backend());
            if (best == null || score > bestScore) {
                best = m.backend();
                bestScore = score;
            }
        }
        return best;
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash ^ (hash >>> 29);
    }
}
