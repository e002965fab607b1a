package dev.mcpgateway.llm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.route.RouteTable;
import dev.mcpgateway.llm.state.InMemoryLlmStore;
import dev.mcpgateway.llm.state.LlmKind;
import dev.mcpgateway.llm.state.LlmStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Two "instances" (each its own registries) over one store, as two gateways share Redis. */
class LlmAdminStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryLlmStore store = new InMemoryLlmStore();

    private record Instance(LlmAdminState state, ConsumerDirectory directory, RouteTable routes) {
    }

    private Instance instance() {
        return instance(store);
    }

    private static Instance instance(LlmStore store) {
        BackendRegistry backends = new BackendRegistry(Clock.systemUTC());
        PoolRegistry pools = new PoolRegistry();
        RouteTable routes = new RouteTable();
        ConsumerDirectory directory = new ConsumerDirectory();
        LlmDocuments documents = new LlmDocuments(backends, pools, routes, directory);
        return new Instance(new LlmAdminState(documents, store), directory, routes);
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void aReloadAppliesAnotherInstancesWritesAndDropsWhatItDeleted() throws Exception {
        Instance a = instance();
        Instance b = instance();
        a.state().put(LlmKind.SUBSCRIPTIONS, "team-a", json("{\"primaryKey\": \"team-a-primary-key-01\"}"));
        assertTrue(b.directory().byKey("team-a-primary-key-01").isEmpty());

        b.state().reload();
        assertEquals("team-a", b.directory().byKey("team-a-primary-key-01").orElseThrow().id());
        assertEquals(a.directory().subscription("team-a").orElseThrow().secondaryKey(),
                b.directory().subscription("team-a").orElseThrow().secondaryKey());

        b.state().remove(LlmKind.SUBSCRIPTIONS, "team-a");
        a.state().reload();
        assertTrue(a.directory().subscription("team-a").isEmpty(), "the writer drops what the other deleted");
        a.state().put(LlmKind.SUBSCRIPTIONS, "team-c", json("{}"));
        b.state().reload();
        a.state().remove(LlmKind.SUBSCRIPTIONS, "team-c");
        b.state().reload();
        assertTrue(b.directory().subscription("team-c").isEmpty());
    }

    @Test
    void modelsOnABackendAreStoredAsRoutesOfTheirOwn() throws Exception {
        Instance a = instance();
        a.state().put(LlmKind.BACKENDS, "east", json("{\"url\": \"http://127.0.0.1:9\", \"models\": [\"gpt-4o\"]}"));
        a.state().remove(LlmKind.ROUTES, "gpt-4o");

        Instance restarted = instance();
        assertTrue(restarted.routes().target("gpt-4o").isEmpty(), "a deleted route stays deleted");
        assertEquals(List.of("east"), List.copyOf(store.load(LlmKind.BACKENDS).keySet()));
    }

    @Test
    void whatAdminStoredWinsOverTheDeclaredDocument() throws Exception {
        instance().state().put(LlmKind.PRODUCTS, "team", json("{\"displayName\": \"from admin\"}"));

        Instance restarted = instance();
        restarted.state().declare(Map.of(LlmKind.PRODUCTS, Map.of("team", json("{\"displayName\": \"declared\"}"),
                "other", json("{\"displayName\": \"declared\"}"))), "gateway.yml");
        assertEquals("from admin", restarted.directory().product("team").orElseThrow().displayName());
        assertEquals("declared", restarted.directory().product("other").orElseThrow().displayName());
    }

    @Test
    void aChangeTheStoreRefusesIsUndoneSoTheInstanceServesOnlyWhatIsStored() throws Exception {
        AtomicBoolean failing = new AtomicBoolean();
        Instance a = instance(new LlmStore() {
            @Override
            public Map<String, ObjectNode> load(LlmKind kind) {
                return store.load(kind);
            }

            @Override
            public void save(LlmKind kind, String id, ObjectNode document) throws IOException {
                if (failing.get()) {
                    throw new IOException("disk full");
                }
                store.save(kind, id, document);
            }

            @Override
            public void delete(LlmKind kind, String id) {
                store.delete(kind, id);
            }
        });
        a.state().put(LlmKind.SUBSCRIPTIONS, "team-a", json("{\"primaryKey\": \"team-a-primary-key-01\"}"));
        failing.set(true);

        assertThrows(UncheckedIOException.class, () -> a.state().put(LlmKind.SUBSCRIPTIONS, "team-b", json("{}")));
        assertTrue(a.directory().subscription("team-b").isEmpty());
        assertThrows(UncheckedIOException.class, () -> a.state().put(LlmKind.SUBSCRIPTIONS, "team-a",
                json("{\"primaryKey\": \"team-a-primary-key-02\"}")));
        assertEquals("team-a", a.directory().byKey("team-a-primary-key-01").orElseThrow().id());
        assertTrue(a.directory().byKey("team-a-primary-key-02").isEmpty());
    }

    @Test
    void aDeclaredDocumentWithAnUnknownFieldIsRefusedNamingIt() throws Exception {
        Instance a = instance();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.state().declare(
                Map.of(LlmKind.SUBSCRIPTIONS, Map.of("team-a", json("{\"primaryKee\": \"x\"}"))), "gateway.yml"));
        assertTrue(e.getMessage().startsWith("gateway.yml: llm.subscriptions.team-a.primaryKee: "), e.getMessage());
    }
}
