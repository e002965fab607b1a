package dev.mcpgateway.gateway.resource;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.admin;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.state.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Start-up from gateway.yml and the store, and the reload when another instance changed the store. */
class ManagementStateLoadTest {

    private final List<String> log = new ArrayList<>();
    private final InMemoryConfigStore config = new InMemoryConfigStore(log);
    private final ResourceStore store = ResourceFixtures.store(config);
    private final RecordingRuntime runtime = new RecordingRuntime("runtime", log);
    private final ManagementState state = stateOn(config, runtime);

    private static ManagementState stateOn(InMemoryConfigStore config, RecordingRuntime runtime) {
        return new ManagementState(ResourceFixtures.allTypes(), ResourceFixtures.store(config), List.of(runtime));
    }

    private static Resource declared(ResourceKind kind, String id, String properties) {
        return new Resource(kind, id, json(properties), Source.GATEWAY_YML);
    }

    @Nested
    class Loading {

        @Test
        void servesDeclaredAndStoredResourcesInOnePublication() throws Exception {
            store.save(admin(ResourceKind.NAMED_VALUES, "stored", "{value: 'admin'}"));

            state.load(List.of(declared(ResourceKind.NAMED_VALUES, "declared", "{value: 'file'}")), "gateway.yml");

            assertEquals(Source.GATEWAY_YML, state.get(ResourceKind.NAMED_VALUES, "declared").orElseThrow().source());
            assertEquals(Source.ADMIN, state.get(ResourceKind.NAMED_VALUES, "stored").orElseThrow().source());
            assertEquals(1, runtime.publications());
            assertEquals(state.current(), runtime.served());
        }

        @Test
        void aBadDeclaredResourceStopsTheStartNamingOriginCollectionIdAndField() {
            var e = assertRefusedAt("conf/gateway.yml: named-values.nv1.value", () -> state.load(
                    List.of(declared(ResourceKind.NAMED_VALUES, "nv1", "{secret: true}")), "conf/gateway.yml"));

            assertEquals("is required", e.getMessage());
            assertEquals(0, runtime.publications());
        }

        @Test
        void aDeclaredReferenceToAMissingResourceNamesWhereItWasWritten() {
            assertRefusedAt("gateway.yml: backends.pool1.pool.services[0].id", () -> state.load(List.of(
                    declared(ResourceKind.BACKENDS, "pool1", "{type: 'Pool', pool: {services: [{id: 'gone'}]}}")),
                    "gateway.yml"));
        }

        @Test
        void aStoredResourceThatNoLongerAppliesIsLeftOutAndTheRestLoad() throws Exception {
            store.save(admin(ResourceKind.NAMED_VALUES, "bad", "{value: 'x', colour: 'red'}"));
            store.save(admin(ResourceKind.NAMED_VALUES, "good", "{value: 'y'}"));
            store.save(admin(ResourceKind.SUBSCRIPTIONS, "orphan", "{scope: '/products/gone'}"));

            state.load(List.of(), "gateway.yml");

            assertEquals(List.of("good"), state.list(ResourceKind.NAMED_VALUES).stream().map(Resource::id).toList());
            assertTrue(state.list(ResourceKind.SUBSCRIPTIONS).isEmpty());
        }

        @Test
        void aStoredResourceTheFileAlsoDeclaresIsIgnoredTheFileWins() throws Exception {
            store.save(admin(ResourceKind.NAMED_VALUES, "nv1", "{value: 'admin'}"));

            state.load(List.of(declared(ResourceKind.NAMED_VALUES, "nv1", "{value: 'file'}")), "gateway.yml");

            Resource nv1 = state.get(ResourceKind.NAMED_VALUES, "nv1").orElseThrow();
            assertEquals("file", nv1.text("value"));
            assertEquals(Source.GATEWAY_YML, nv1.source());
        }

        @Test
        void aStoredPoolLoadsThoughItsIdSortsBeforeItsMembers() throws Exception {
            store.save(admin(ResourceKind.BACKENDS, "a-pool", "{type: 'Pool', pool: {services: [{id: 'z-single'}]}}"));
            store.save(admin(ResourceKind.BACKENDS, "z-single", "{url: 'https://z.example'}"));

            state.load(List.of(), "gateway.yml");

            assertTrue(state.get(ResourceKind.BACKENDS, "a-pool").isPresent());
        }

        @Test
        void aDeclaredPoolMayComeBeforeItsMembers() throws Exception {
            state.load(List.of(
                    declared(ResourceKind.BACKENDS, "pool1", "{type: 'Pool', pool: {services: [{id: 'b1'}]}}"),
                    declared(ResourceKind.BACKENDS, "b1", "{url: 'https://b1.example'}")), "gateway.yml");

            assertTrue(state.get(ResourceKind.BACKENDS, "pool1").isPresent());
        }

        @Test
        void aPoolNamingAnotherPoolIsRefusedInWhateverOrder() {
            assertRefusedAt("gateway.yml: backends.a-pool.pool.services[0].id", () -> state.load(List.of(
                    declared(ResourceKind.BACKENDS, "a-pool", "{type: 'Pool', pool: {services: [{id: 'z-pool'}]}}"),
                    declared(ResourceKind.BACKENDS, "z-pool", "{type: 'Pool', pool: {services: [{id: 'b1'}]}}"),
                    declared(ResourceKind.BACKENDS, "b1", "{url: 'https://b1.example'}")), "gateway.yml"));
        }

        @Test
        void storedResourcesMayNameOnesTheFileDeclares() throws Exception {
            store.save(admin(ResourceKind.SUBSCRIPTIONS, "s1", "{scope: '/products/p1'}"));

            state.load(List.of(declared(ResourceKind.PRODUCTS, "p1", "{}")), "gateway.yml");

            assertTrue(state.get(ResourceKind.SUBSCRIPTIONS, "s1").isPresent());
        }
    }

    @Nested
    class RefreshingFromTheStore {

        private final RecordingRuntime otherRuntime = new RecordingRuntime("other", log);
        private final ManagementState otherInstance = stateOn(config, otherRuntime);

        @Test
        void picksUpWhatAnotherInstanceWroteChangedAndDeleted() throws Exception {
            state.load(List.of(), "gateway.yml");

            otherInstance.put(ResourceKind.NAMED_VALUES, "nv1", json("{value: 'one'}"), null);
            state.refreshFromStore();
            assertEquals("one", state.get(ResourceKind.NAMED_VALUES, "nv1").orElseThrow().text("value"));

            otherInstance.put(ResourceKind.NAMED_VALUES, "nv1", json("{value: 'two'}"), null);
            state.refreshFromStore();
            assertEquals("two", state.get(ResourceKind.NAMED_VALUES, "nv1").orElseThrow().text("value"));
            assertEquals(state.current(), runtime.served());

            otherInstance.delete(ResourceKind.NAMED_VALUES, "nv1", null);
            state.refreshFromStore();
            assertTrue(state.get(ResourceKind.NAMED_VALUES, "nv1").isEmpty());
            assertTrue(runtime.served().get(ResourceKind.NAMED_VALUES, "nv1").isEmpty());
        }

        @Test
        void keepsTheDeclaredResources() throws Exception {
            state.load(List.of(declared(ResourceKind.NAMED_VALUES, "declared", "{value: 'file'}")), "gateway.yml");

            otherInstance.put(ResourceKind.NAMED_VALUES, "nv1", json("{value: 'one'}"), null);
            state.refreshFromStore();

            assertEquals(Source.GATEWAY_YML, state.get(ResourceKind.NAMED_VALUES, "declared").orElseThrow().source());
            assertTrue(state.get(ResourceKind.NAMED_VALUES, "nv1").isPresent());
        }

        @Test
        void stillWorksWhenADeclaredPoolSortsBeforeItsMembers() throws Exception {
            state.load(List.of(
                    declared(ResourceKind.BACKENDS, "b1", "{url: 'https://b1.example'}"),
                    declared(ResourceKind.BACKENDS, "a-pool", "{type: 'Pool', pool: {services: [{id: 'b1'}]}}")),
                    "gateway.yml");

            otherInstance.put(ResourceKind.NAMED_VALUES, "nv1", json("{value: 'one'}"), null);
            state.refreshFromStore();

            assertTrue(state.get(ResourceKind.NAMED_VALUES, "nv1").isPresent());
            assertTrue(state.get(ResourceKind.BACKENDS, "a-pool").isPresent());
        }

        @Test
        void keepsTheSubscriptionKeysTheOtherInstanceGenerated() throws Exception {
            state.load(List.of(), "gateway.yml");
            otherInstance.put(ResourceKind.PRODUCTS, "p1", json("{}"), null);
            Resource written = otherInstance.put(ResourceKind.SUBSCRIPTIONS, "s1", json("{scope: '/products/p1'}"),
                    null).resource();

            state.refreshFromStore();

            assertEquals(written.properties(), state.get(ResourceKind.SUBSCRIPTIONS, "s1").orElseThrow().properties());
        }
    }
}
