package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.auth.store.AuthStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link AuthStateStore}: values round-trip, expire, and {@code take} hands a single-use value
 * to exactly one of many concurrent takers (how codes and refresh tokens stay single-use across gateway instances).
 */
public abstract class AuthStateStoreContract {

    abstract AuthStateStore store();

    @Test
    void valuesRoundTripAndCanBeDeleted() {
        store().put("ns", "https://client.example/doc.json", "{\"a\":1}", null);
        assertEquals(Optional.of("{\"a\":1}"), store().get("ns", "https://client.example/doc.json"));
        store().delete("ns", "https://client.example/doc.json");
        assertEquals(Optional.empty(), store().get("ns", "https://client.example/doc.json"));
    }

    @Test
    void namespacesAreSeparate() {
        store().put("a", "k", "1", null);
        assertEquals(Optional.empty(), store().get("b", "k"));
    }

    @Test
    void aNamespaceListsItsLiveValuesAndRemovesTheMatchingOnes() throws Exception {
        store().put("grants", "t1", "alice|c1", null);
        store().put("grants", "t2", "bob|c1", null);
        store().put("grants", "t3", "alice|c2", Duration.ofMinutes(5));
        store().put("grants", "gone", "alice|c9", Duration.ofMillis(1));
        store().put("grants-used", "t1", "alice|c1", null);
        Thread.sleep(20);
        assertEquals(List.of("alice|c1", "alice|c2", "bob|c1"), store().values("grants").stream().sorted().toList());
        assertEquals(2, store().removeIf("grants", v -> v.startsWith("alice|")));
        assertEquals(List.of("bob|c1"), store().values("grants"));
        assertEquals(List.of("alice|c1"), store().values("grants-used"), "a namespace sharing a prefix is untouched");
        assertEquals(List.of(), store().values("never-written"));
    }

    @Test
    void anExpiredValueIsGone() throws Exception {
        store().put("ns", "short", "v", Duration.ofMillis(1));
        Thread.sleep(20);
        assertEquals(Optional.empty(), store().get("ns", "short"));
        assertEquals(Optional.empty(), store().take("ns", "short"));
    }

    @Test
    void exactlyOneOfManyConcurrentTakersGetsTheValue() throws Exception {
        for (int round = 0; round < 5; round++) {
            store().put("codes", "code-" + round, "grant", Duration.ofMinutes(1));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<Optional<String>>> takers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "code-" + round;
                takers.add(() -> store().take("codes", key));
            }
            long winners = 0;
            for (Future<Optional<String>> f : pool.invokeAll(takers)) {
                winners += f.get().isPresent() ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, winners);
        }
    }
}
