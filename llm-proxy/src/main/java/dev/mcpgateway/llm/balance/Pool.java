package dev.mcpgateway.llm.balance;

import java.util.List;
import java.util.Locale;

/**
 * A backend pool as in APIM: up to 30 members, each with a weight and a priority group (the lowest number first). A lower group
 * is used only when every member of the higher groups is tripped.
 *
 * @param affinity session affinity: none, by a cookie the proxy sets, or by a header the caller sends
 */
public record Pool(String id, List<Member> members, Affinity affinity, String affinityName) {

    public static final int MAX_MEMBERS = 30;

    public Pool {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a pool has an id");
        }
        if (members == null || members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("pool '" + id + "' needs 1.." + MAX_MEMBERS + " backends");
        }
        members = List.copyOf(members);
        affinity = affinity == null ? Affinity.NONE : affinity;
        if (affinity != Affinity.NONE && (affinityName == null || affinityName.isBlank())) {
            affinityName = affinity == Affinity.COOKIE ? "llm-affinity" : "x-session-id";
        }
    }

    /** A single backend seen as a pool of one (a route may name a backend directly). */
    public static Pool of(String backendId) {
        return new Pool(backendId, List.of(new Member(backendId, 1, 1)), Affinity.NONE, null);
    }

    public record Member(String backend, int weight, int priority) {
        public Member {
            if (backend == null || backend.isBlank()) {
                throw new IllegalArgumentException("a pool member names a backend");
            }
            if (weight < 1 || weight > 1000 || priority < 0 || priority > 100) {
                throw new IllegalArgumentException("member '" + backend + "': weight 1..1000, priority 0..100");
            }
        }
    }

    public enum Affinity {
        NONE, COOKIE, HEADER;

        public static Affinity parse(String text) {
            return text == null || text.isBlank() ? NONE : valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }
}
