package dev.mcpgateway.gateway.resource;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.state.ResourceConflictException;
import dev.mcpgateway.gateway.state.ResourceNotFoundException;
import dev.mcpgateway.gateway.state.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Writes through the one writer: checked, compiled by every runtime, stored, and only then served. */
class ManagementStateTest {

    private final List<String> log = new ArrayList<>();
    private final InMemoryConfigStore config = new InMemoryConfigStore(log);
    private final RecordingRuntime first = new RecordingRuntime("first", log);
    private final RecordingRuntime second = new RecordingRuntime("second", log);
    private final ManagementState state = new ManagementState(ResourceFixtures.allTypes(), ResourceFixtures.store(config),
            List.of(first, second));

    private ManagementState.Written put(ResourceKind kind, String id, String properties) throws Exception {
        return state.put(kind, id, json(properties), null);
    }

    private Resource named(String id) {
        return state.get(ResourceKind.NAMED_VALUES, id).orElseThrow();
    }

    @Nested
    class Writing {

        @Test
        void putCreatesThenReplacesSayingWhichItDid() throws Exception {
            ManagementState.Written created = put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}");
            ManagementState.Written replaced = put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'two'}");

            assertTrue(created.created());
            assertFalse(replaced.created());
            assertEquals("two", named("nv1").text("value"));
            assertEquals(Source.ADMIN, named("nv1").source());
        }

        @Test
        void keepsAndAnswersTheNormalisedProperties() throws Exception {
            ManagementState.Written written = put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}");

            assertEquals(json("{value: 'one', secret: false}"), written.resource().properties());
            assertEquals(json("{value: 'one', secret: false}"),
                    ResourceFixtures.store(config).load().get(ResourceKind.NAMED_VALUES).get("nv1"));
        }

        @Test
        void everyRuntimeCompilesTheNextSetBeforeItIsStoredAndServesItOnlyAfter() throws Exception {
            put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}");

            assertEquals(List.of("first prepare", "second prepare", "save resources/named-values/nv1",
                    "first publish", "second publish"), log);
            assertSame(state.current(), first.served());
            assertSame(state.current(), second.served());
        }

        @Test
        void runtimesCompileTheWholeSetNotJustTheChange() throws Exception {
            put(ResourceKind.BACKENDS, "b1", "{url: 'https://b1.example'}");
            put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}");

            assertTrue(first.served().get(ResourceKind.BACKENDS, "b1").isPresent());
            assertTrue(first.served().get(ResourceKind.NAMED_VALUES, "nv1").isPresent());
        }
    }

    @Nested
    class ARefusedWrite {

        private ResourceSet setBefore;
        private Map<String, ?> storedBefore;

        @BeforeEach
        void someResources() throws Exception {
            put(ResourceKind.BACKENDS, "b1", "{url: 'https://b1.example'}");
            put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}");
            setBefore = state.current();
            storedBefore = config.snapshot();
            log.clear();
        }

        private void assertNothingChanged() {
            assertSame(setBefore, state.current());
            assertEquals(storedBefore, config.snapshot());
            assertSame(setBefore, first.served());
            assertSame(setBefore, second.served());
            assertFalse(log.stream().anyMatch(e -> e.endsWith("publish")), log.toString());
        }

        @Test
        void withABadFieldLeavesStateStoreAndRuntimesAsTheyWere() {
            assertRefusedAt("keyVault", () -> state.put(ResourceKind.NAMED_VALUES, "nv1",
                    json("{value: 'two', keyVault: {secretIdentifier: 'https://vault/x'}}"), null));

            assertNothingChanged();
            assertEquals("one", named("nv1").text("value"));
        }

        @Test
        void namingAMissingBackendLeavesEverythingAsItWas() {
            var e = assertRefusedAt("pool.services[1].id", () -> put(ResourceKind.BACKENDS, "pool1",
                    "{type: 'Pool', pool: {services: [{id: '/backends/b1'}, {id: '/backends/missing'}]}}"));

            assertTrue(e.getMessage().contains("'missing' does not exist"), e.getMessage());
            assertNothingChanged();
        }

        @Test
        void thatARuntimeCannotCompileLeavesEveryRuntimeAsItWas() {
            second.refuseWith(new InvalidDefinitionException("backends.b2.url", "cannot be served"));

            assertRefusedAt("backends.b2.url", () -> put(ResourceKind.BACKENDS, "b2", "{url: 'https://b2.example'}"));

            assertEquals(List.of("first prepare", "second prepare"), log);
            assertNothingChanged();
        }

        @Test
        void thatTheStoreCannotSaveLeavesEverythingAsItWas() {
            config.failWrites(true);

            assertThrows(IOException.class, () -> put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'two'}"));

            assertNothingChanged();
            assertEquals("one", named("nv1").text("value"));
        }

        @Test
        void deleteThatTheStoreCannotDoLeavesEverythingAsItWas() {
            config.failWrites(true);

            assertThrows(IOException.class, () -> state.delete(ResourceKind.NAMED_VALUES, "nv1", null));

            assertNothingChanged();
        }
    }

    @Nested
    class Deleting {

        @Test
        void removesTheResourceFromStateStoreAndRuntimes() throws Exception {
            put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}");

            state.delete(ResourceKind.NAMED_VALUES, "nv1", null);

            assertTrue(state.get(ResourceKind.NAMED_VALUES, "nv1").isEmpty());
            assertTrue(ResourceFixtures.store(config).load().get(ResourceKind.NAMED_VALUES).isEmpty());
            assertTrue(first.served().get(ResourceKind.NAMED_VALUES, "nv1").isEmpty());
        }

        @Test
        void ofAMissingResourceIsNotFound() {
            assertThrows(ResourceNotFoundException.class,
                    () -> state.delete(ResourceKind.NAMED_VALUES, "missing", null));
        }

        @Test
        void ofABackendIsRefusedWhileAPoolNamesItNamingThePool() throws Exception {
            put(ResourceKind.BACKENDS, "b1", "{url: 'https://b1.example'}");
            put(ResourceKind.BACKENDS, "pool1", "{type: 'Pool', pool: {services: [{id: 'b1'}]}}");

            assertRefusedWhileUsedBy("/backends/pool1", () -> state.delete(ResourceKind.BACKENDS, "b1", null));
            assertTrue(state.get(ResourceKind.BACKENDS, "b1").isPresent());
        }

        @Test
        void ofAProductIsRefusedWhileASubscriptionIsScopedToItNamingTheSubscription() throws Exception {
            put(ResourceKind.PRODUCTS, "p1", "{}");
            put(ResourceKind.SUBSCRIPTIONS, "s1", "{scope: '/products/p1'}");

            assertRefusedWhileUsedBy("/subscriptions/s1", () -> state.delete(ResourceKind.PRODUCTS, "p1", null));
        }

        @Test
        void ofAProductOrAnApiIsRefusedWhileALinkJoinsThemNamingTheLink() throws Exception {
            put(ResourceKind.PRODUCTS, "p1", "{}");
            put(ResourceKind.APIS, "chat", "{type: 'azure-openai', path: 'openai'}");
            put(ResourceKind.PRODUCT_APIS, "p1/chat", "{}");

            assertRefusedWhileUsedBy("/products/p1/apis/chat", () -> state.delete(ResourceKind.PRODUCTS, "p1", null));
            assertRefusedWhileUsedBy("/products/p1/apis/chat", () -> state.delete(ResourceKind.APIS, "chat", null));

            state.delete(ResourceKind.PRODUCT_APIS, "p1/chat", null);
            state.delete(ResourceKind.PRODUCTS, "p1", null);
            assertTrue(state.get(ResourceKind.PRODUCTS, "p1").isEmpty());
        }

        private void assertRefusedWhileUsedBy(String user, Executable delete) {
            ResourceSet before = state.current();
            var e = assertThrows(ResourceConflictException.class, delete);
            assertTrue(e.getMessage().contains(user), e.getMessage());
            assertSame(before, state.current());
        }
    }

    @Nested
    class IfMatch {

        private String tag;

        @BeforeEach
        void aNamedValue() throws Exception {
            tag = put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}").resource().etag();
        }

        private ManagementState.Written putIf(String ifMatch) throws Exception {
            return state.put(ResourceKind.NAMED_VALUES, "nv1", json("{value: 'two'}"), ifMatch);
        }

        @Test
        void theCurrentTagLetsTheWriteThrough() throws Exception {
            putIf(tag);

            assertEquals("two", named("nv1").text("value"));
        }

        @Test
        void aStaleTagIsAFailedPreconditionNamingTheCurrentTag() throws Exception {
            String stale = tag;
            putIf(tag);
            String current = named("nv1").etag();

            var e = assertThrows(PreconditionFailedException.class, () -> putIf(stale));

            assertTrue(e.getMessage().contains(current), e.getMessage());
        }

        @Test
        void starMatchesAnExistingResourceButNotAMissingOne() throws Exception {
            putIf("*");
            assertEquals("two", named("nv1").text("value"));

            assertThrows(PreconditionFailedException.class,
                    () -> state.put(ResourceKind.NAMED_VALUES, "nv2", json("{value: 'x'}"), "*"));
            assertTrue(state.get(ResourceKind.NAMED_VALUES, "nv2").isEmpty());
        }

        @Test
        void aTagOnAMissingResourceIsAFailedPrecondition() {
            assertThrows(PreconditionFailedException.class,
                    () -> state.put(ResourceKind.NAMED_VALUES, "nv2", json("{value: 'x'}"), tag));
        }

        @Test
        void aWeakTagOfTheCurrentVersionMatches() throws Exception {
            putIf("W/" + tag);

            assertEquals("two", named("nv1").text("value"));
        }

        @Test
        void anyOfSeveralTagsMayMatch() throws Exception {
            putIf("\"0123\", " + tag + " ,W/\"4567\"");

            assertEquals("two", named("nv1").text("value"));
        }

        @Test
        void aDeleteWithAStaleTagKeepsTheResource() throws Exception {
            String stale = tag;
            putIf(tag);

            assertThrows(PreconditionFailedException.class,
                    () -> state.delete(ResourceKind.NAMED_VALUES, "nv1", stale));
            assertEquals("two", named("nv1").text("value"));
        }

        @Test
        void anUpdateWithAStaleTagChangesNothing() throws Exception {
            String stale = tag;
            putIf(tag);

            assertThrows(PreconditionFailedException.class, () -> state.update(ResourceKind.NAMED_VALUES, "nv1",
                    stale, p -> p.put("value", "three")));
            assertEquals("two", named("nv1").text("value"));
        }
    }

    @Nested
    class DeclaredResources {

        @BeforeEach
        void declared() throws Exception {
            state.load(List.of(ResourceFixtures.admin(ResourceKind.NAMED_VALUES, "declared", "{value: 'file'}")),
                    "/etc/gateway/gateway.yml");
        }

        @Test
        void cannotBeReplacedUpdatedOrDeletedAndTheMessageNamesTheFile() {
            List<Executable> writes = List.of(
                    () -> state.put(ResourceKind.NAMED_VALUES, "declared", json("{value: 'admin'}"), null),
                    () -> state.update(ResourceKind.NAMED_VALUES, "declared", null, p -> p.put("value", "admin")),
                    () -> state.delete(ResourceKind.NAMED_VALUES, "declared", null));

            for (Executable write : writes) {
                var e = assertThrows(ResourceConflictException.class, write);
                assertTrue(e.getMessage().contains("/etc/gateway/gateway.yml"), e.getMessage());
            }
            assertEquals("file", named("declared").text("value"));
            assertEquals(Source.GATEWAY_YML, named("declared").source());
        }
    }

    @Nested
    class Updating {

        @Test
        void seesTheCurrentPropertiesSoSuccessiveChangesAllLand() throws Exception {
            put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}");

            state.update(ResourceKind.NAMED_VALUES, "nv1", null, p -> p.put("displayName", "First"));
            ManagementState.Written written = state.update(ResourceKind.NAMED_VALUES, "nv1", null,
                    p -> p.put("value", "two"));

            assertFalse(written.created());
            assertEquals(json("{displayName: 'First', value: 'two', secret: false}"), named("nv1").properties());
        }

        @Test
        void ofAMissingResourceIsNotFound() {
            assertThrows(ResourceNotFoundException.class, () -> state.update(ResourceKind.NAMED_VALUES, "missing",
                    null, p -> p));
        }

        @Test
        void thatBreaksARuleIsRefusedLikeAPut() throws Exception {
            put(ResourceKind.NAMED_VALUES, "nv1", "{value: 'one'}");

            assertRefusedAt("value", () -> state.update(ResourceKind.NAMED_VALUES, "nv1", null,
                    p -> p.put("value", 3)));
            assertEquals("one", named("nv1").text("value"));
        }
    }
}
