package dev.mcpgateway.auth.token;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.AuthStoreException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Revokes, family by family, the stored grants of one namespace that match, then deletes them. */
final class GrantSweep {

    private GrantSweep() {
    }

    static int revokeWhere(AuthStateStore store, String namespace, Function<String, Grant> read,
                           Predicate<Grant> matches, Revocations revocations) {
        Predicate<String> stored = json -> {
            try {
                return matches.test(read.apply(json));
            } catch (AuthStoreException e) {
                return false; // an unreadable record is not one of ours to judge
            }
        };
        Set<String> families = new HashSet<>();
        // families first: a token rotated between the two steps is then already refused
        store.values(namespace).stream().filter(stored).map(read).forEach(g -> families.add(g.familyId()));
        families.forEach(revocations::revokeFamily);
        store.removeIf(namespace, stored);
        return families.size();
    }
}
