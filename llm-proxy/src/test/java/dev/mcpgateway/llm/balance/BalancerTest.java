package dev.mcpgateway.llm.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BalancerTest {

    private final Balancer balancer = new Balancer(new Random(42));

    private static Pool pool(Pool.Member... members) {
        return new Pool("p", List.of(members), Pool.Affinity.NONE, null);
    }

    private static Pool.Member m(String id, int weight, int priority) {
        return new Pool.Member(id, weight, priority);
    }

    @Nested
    class WithinOneGroup {

        @Test
        void roundRobinVisitsEveryMemberInTurn() {
            Pool pool = pool(m("a", 1, 1), m("b", 1, 1), m("c", 1, 1));
            Map<String, Integer> hits = new HashMap<>();
            for (int i = 0; i < 9; i++) {
                hits.merge(balancer.choose(pool, id -> true, Set.of(), null).orElseThrow(), 1, Integer::sum);
            }
            assertEquals(Map.of("a", 3, "b", 3, "c", 3), hits);
        }

        @Test
        void weightsShareTrafficInProportion() {
            Pool pool = pool(m("big", 3, 1), m("small", 1, 1));
            int big = 0;
            for (int i = 0; i < 4000; i++) {
                if (balancer.choose(pool, id -> true, Set.of(), null).orElseThrow().equals("big")) {
                    big++;
                }
            }
            assertTrue(big > 2800 && big < 3200, "big got " + big + " of 4000");
        }

        @Test
        void skipsTrippedAndAlreadyTriedMembers() {
            Pool pool = pool(m("a", 1, 1), m("b", 1, 1), m("c", 1, 1));
            for (int i = 0; i < 5; i++) {
                assertEquals("c", balancer.choose(pool, id -> !id.equals("a"), Set.of("b"), null).orElseThrow());
            }
        }

        @Test
        void theSameAffinityKeyAlwaysLandsOnTheSameMember() {
            Pool pool = pool(m("a", 1, 1), m("b", 1, 1), m("c", 1, 1));
            String first = balancer.choose(pool, id -> true, Set.of(), "session-17").orElseThrow();
            for (int i = 0; i < 10; i++) {
                assertEquals(first, balancer.choose(pool, id -> true, Set.of(), "session-17").orElseThrow());
            }
            String moved = balancer.choose(pool, id -> !id.equals(first), Set.of(), "session-17").orElseThrow();
            assertTrue(!moved.equals(first), "a tripped affinity target gives way");
        }
    }

    @Nested
    class AcrossPriorityGroups {

        private final Pool pool = pool(m("ptu-1", 1, 1), m("ptu-2", 1, 1), m("paygo", 1, 2));

        @Test
        void usesOnlyTheHighestGroupWhileAnyOfItIsAvailable() {
            for (int i = 0; i < 10; i++) {
                assertTrue(balancer.choose(pool, id -> true, Set.of(), null).orElseThrow().startsWith("ptu"));
            }
            assertEquals("ptu-2", balancer.choose(pool, id -> !id.equals("ptu-1"), Set.of(), null).orElseThrow());
        }

        @Test
        void doesNotSpillWhenTheHigherGroupWasOnlyTriedNotTripped() {
            assertEquals(Optional.empty(), balancer.choose(pool, id -> true, Set.of("ptu-1", "ptu-2"), null));
        }

        @Test
        void spillsOnceEveryHigherMemberIsTripped() {
            assertEquals("paygo", balancer.choose(pool, id -> id.equals("paygo"), Set.of(), null).orElseThrow());
        }

        @Test
        void findsNothingWhenAllAreTripped() {
            assertEquals(Optional.empty(), balancer.choose(pool, id -> false, Set.of(), null));
        }
    }
}
