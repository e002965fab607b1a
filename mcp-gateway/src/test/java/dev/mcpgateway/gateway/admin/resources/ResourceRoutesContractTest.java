package dev.mcpgateway.gateway.admin.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of the resource routes of {@code /admin}, collection by collection and in both body shapes (the
 * properties themselves, or APIM's ARM body): create, replace, read, merge patch, paged and filtered lists, ETags
 * and If-Match, delete, bad input that names its field and changes nothing, what gateway.yml declares, deletes
 * refused while another resource refers to one, and secret values kept out of every answer. One gateway serves every
 * test; each test works on ids of its own, so they pass in any order.
 */
class ResourceRoutesContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_VERSION = "api-version=2024-05-01";

    /** A request body that breaks a rule of a collection, and the field the answer must name. */
    record Bad(String properties, String field) {
        @Override
        public String toString() {
            return field;
        }
    }

    /**
     * One collection's samples: a valid document ({@code %s} stands for the id), the {@code label} field that
     * replaces and patches change, a {@code kept} field they leave alone, and bad documents with their field.
     */
    record Collection(String name, String route, String armType, String prefix, String template, String label,
                      String kept, List<Bad> bad) {

        String path(String id) {
            return route + "/" + id;
        }

        /** An id for one test in one shape; gateway.yml declares {@code <prefix>-declared}. */
        String id(String test, Shape shape) {
            return prefix + "-" + test + "-" + shape.tag();
        }

        String properties(String id, String labelText) {
            return json(template.formatted(id)).put(label, labelText).toString();
        }

        String body(Shape shape, String id, String properties) {
            return shape.body(id, armType, properties);
        }

        void assertAnswer(Shape shape, String id, JsonNode answer) {
            shape.assertAnswer(answer, id, route.substring("/admin".length()) + "/" + id, armType);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The two shapes a resource travels in. */
    enum Shape {
        PLAIN, ARM;

        /** Built as text, so that a malformed document stays malformed in either shape. */
        String body(String name, String armType, String properties) {
            return this == PLAIN ? properties
                    : doc("{'name': '" + name + "', 'type': '" + armType + "', 'properties': ") + properties + "}";
        }

        /** The path asking for answers in this shape: ARM with {@code api-version}, as APIM's management API calls. */
        String ask(String path) {
            return this == PLAIN ? path : path + (path.contains("?") ? "&" : "?") + API_VERSION;
        }

        JsonNode properties(JsonNode answer) {
            if (this == ARM) {
                return answer.path("properties");
            }
            ObjectNode properties = answer.deepCopy();
            properties.remove("id");
            return properties;
        }

        void assertAnswer(JsonNode answer, String plainId, String armId, String armType) {
            if (this == PLAIN) {
                assertEquals(plainId, answer.path("id").asText(), answer::toString);
                assertFalse(answer.has("properties"), answer::toString);
            } else {
                assertEquals(armId, answer.path("id").asText(), answer::toString);
                assertEquals(armType, answer.path("type").asText(), answer::toString);
                assertEquals(armId.substring(armId.lastIndexOf('/') + 1), answer.path("name").asText(),
                        answer::toString);
                assertTrue(answer.path("properties").isObject(), answer::toString);
            }
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final Collection NAMED_VALUES = new Collection("named values", "/admin/named-values",
            "Microsoft.ApiManagement/service/namedValues", "nv", doc("{'value': 'value-of-%s'}"), "displayName",
            "value", List.of(
                    bad("{'value': 12}", "value"),
                    bad("{'value': 'x', 'colour': 'red'}", "colour"),
                    bad("{'keyVault': {'secretIdentifier': 'https://v.vault.azure.net/secrets/x'}}", "keyVault")));

    static final Collection SINGLE_BACKENDS = new Collection("single backends", "/admin/backends",
            "Microsoft.ApiManagement/service/backends", "single",
            doc("{'url': 'http://127.0.0.1:9/%s', 'aiProvider': 'azure-openai'}"), "description", "url", List.of(
                    bad("{'url': 'not a url'}", "url"),
                    bad("{'url': 'http://127.0.0.1:9', 'timeout': 'soon'}", "timeout"),
                    bad("{'url': 'http://127.0.0.1:9', 'credentials': {'header': {'api-key': 5}}}",
                            "credentials.header.api-key"),
                    bad("{'url': 'http://127.0.0.1:9', 'pool': {'services': [{'id': 'member-a'}]}}", "pool")));

    static final Collection POOL_BACKENDS = new Collection("pool backends", "/admin/backends",
            "Microsoft.ApiManagement/service/backends", "pool", doc("{'type': 'Pool', 'pool': {'services': ["
                    + "{'id': '/backends/member-a', 'priority': 1}, {'id': 'member-b', 'priority': 2}]}}"),
            "description", "pool", List.of(
                    bad("{'type': 'Pool', 'pool': {'services': []}}", "pool.services"),
                    bad("{'type': 'Pool', 'pool': {'services': [{'id': '/backends/no-such-backend'}]}}",
                            "pool.services[0].id"),
                    bad("{'type': 'Pool', 'pool': {'services': [{'id': 'member-a', 'weight': 0}]}}",
                            "pool.services[0].weight"),
                    bad("{'type': 'Pool', 'url': 'http://127.0.0.1:9', 'pool': {'services': [{'id': 'member-a'}]}}",
                            "url")));

    static final Collection MODEL_APIS = new Collection("model APIs", "/admin/apis",
            "Microsoft.ApiManagement/service/apis", "api", doc("{'type': 'azure-openai', 'path': '%s'}"),
            "description", "path", List.of(
                    bad("{'type': 'azure-openai', 'path': 'admin'}", "path"),
                    bad("{'type': 'azure-openai', 'path': 'bad', 'backendId': '/backends/no-such-backend'}",
                            "backendId"),
                    bad("{'type': 'azure-openai', 'path': 'bad', 'serviceUrl': 'http://127.0.0.1:9'}", "serviceUrl"),
                    bad("{'type': 'azure-openai', 'path': 'bad', 'subscriptionRequired': 'yes'}",
                            "subscriptionRequired")));

    static final Collection PRODUCTS = new Collection("products", "/admin/products",
            "Microsoft.ApiManagement/service/products", "product", doc("{'state': 'published', 'terms': 'of %s'}"),
            "description", "terms", List.of(
                    bad("{'state': 'draft'}", "state"),
                    bad("{'subscriptionsLimit': -1}", "subscriptionsLimit"),
                    bad("{'deployments': 'gpt-4o'}", "deployments")));

    static final Collection SUBSCRIPTIONS = new Collection("subscriptions", "/admin/subscriptions",
            "Microsoft.ApiManagement/service/subscriptions", "sub", doc("{'scope': '/apis'}"), "displayName",
            "scope", List.of(
                    bad("{'scope': '/users/someone'}", "scope"),
                    bad("{'scope': '/apis', 'primaryKey': 'too-short'}", "primaryKey"),
                    bad("{'scope': '/apis', 'state': 'paused'}", "state")));

    static final List<Collection> COLLECTIONS = List.of(NAMED_VALUES, SINGLE_BACKENDS, POOL_BACKENDS, MODEL_APIS,
            PRODUCTS, SUBSCRIPTIONS);

    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("gateway.yml");
        Files.writeString(yml, """
                named-values:
                  nv-declared: {value: from-the-file}
                backends:
                  single-declared: {url: "http://127.0.0.1:9/declared"}
                  pool-declared: {type: Pool, pool: {services: [{id: single-declared}]}}
                apis:
                  api-declared: {type: azure-openai, path: api-declared}
                products:
                  product-declared: {displayName: Declared}
                subscriptions:
                  sub-declared: {scope: /apis}
                """);
        gateway = GatewayFixture.start(dir.resolve("data"), Map.of("gateway.config-file", yml.toString()));
        created("/admin/backends/member-a", doc("{'url': 'http://127.0.0.1:9/a'}"));
        created("/admin/backends/member-b", doc("{'url': 'http://127.0.0.1:9/b'}"));
        created("/admin/products/shelf", "{}");
        created("/admin/apis/shelved", MODEL_APIS.properties("shelved", "on the shelf"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Nested
    class EachCollection {

        static Stream<Arguments> everyCollectionInBothShapes() {
            return COLLECTIONS.stream().flatMap(c -> Stream.of(Shape.values()).map(shape -> Arguments.of(c, shape)));
        }

        static Stream<Arguments> everyBadInputInBothShapes() {
            return COLLECTIONS.stream().flatMap(c -> Stream.of(Shape.values())
                    .flatMap(shape -> c.bad().stream().map(bad -> Arguments.of(c, shape, bad))));
        }

        static List<Collection> collections() {
            return COLLECTIONS;
        }

        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("everyCollectionInBothShapes")
        void createsWith201AndAnETagAnsweringInTheBodysShape(Collection c, Shape shape) throws Exception {
            String id = c.id("create", shape);
            Response created = create(c, shape, id, "first");
            assertNotNull(created.header("ETag"), created.headers()::toString);
            c.assertAnswer(shape, id, created.json());
            assertEquals("first", shape.properties(created.json()).path(c.label()).asText());
        }

        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("everyCollectionInBothShapes")
        void replacesWith200AndANewETag(Collection c, Shape shape) throws Exception {
            String id = c.id("replace", shape);
            Response created = create(c, shape, id, "first");
            Response replaced = call("PUT", c.path(id), c.body(shape, id, c.properties(id, "second")), null);
            assertEquals(200, replaced.status(), replaced.body());
            assertNotEquals(created.header("ETag"), replaced.header("ETag"));
            c.assertAnswer(shape, id, replaced.json());
            assertCurrent(c, id, replaced.header("ETag"), "second");
        }

        @ParameterizedTest(name = "written in {1}, {0}")
        @MethodSource("everyCollectionInBothShapes")
        void readsInEitherShapeWithTheWritesETag(Collection c, Shape written) throws Exception {
            String id = c.id("read", written);
            Response created = create(c, written, id, "read me");
            for (Shape shape : Shape.values()) {
                Response read = gateway.admin("GET", shape.ask(c.path(id)), null);
                assertEquals(200, read.status(), read.body());
                assertEquals(created.header("ETag"), read.header("ETag"));
                c.assertAnswer(shape, id, read.json());
                assertEquals(written.properties(created.json()), shape.properties(read.json()));
            }
        }

        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("everyCollectionInBothShapes")
        void patchesByMergingIntoTheProperties(Collection c, Shape shape) throws Exception {
            String id = c.id("patch", shape);
            JsonNode before = shape.properties(create(c, shape, id, "first").json());
            Response patched = call("PATCH", c.path(id), c.body(shape, id, doc("{'" + c.label() + "': 'patched'}")),
                    null);
            assertEquals(200, patched.status(), patched.body());
            c.assertAnswer(shape, id, patched.json());
            assertEquals(before.get(c.kept()), shape.properties(patched.json()).get(c.kept()));
            assertCurrent(c, id, patched.header("ETag"), "patched");
        }

        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("everyCollectionInBothShapes")
        void refusesAStaleIfMatchAndKeepsTheCurrentVersion(Collection c, Shape shape) throws Exception {
            String id = c.id("stale", shape);
            String stale = create(c, shape, id, "first").header("ETag");
            String current = call("PUT", c.path(id), c.body(shape, id, c.properties(id, "second")), null)
                    .header("ETag");
            String third = c.body(shape, id, c.properties(id, "third"));
            assertProblem(call("PUT", c.path(id), third, stale), 412, null);
            assertProblem(call("PATCH", c.path(id), third, stale), 412, null);
            assertProblem(call("DELETE", c.path(id), null, stale), 412, null);
            assertCurrent(c, id, current, "second");
            assertEquals(200, call("PUT", c.path(id), third, current).status());
        }

        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("everyCollectionInBothShapes")
        void refusesIfMatchStarOnAMissingOne(Collection c, Shape shape) throws Exception {
            String id = c.id("missing", shape);
            String body = c.body(shape, id, c.properties(id, "never"));
            assertProblem(call("PUT", c.path(id), body, "*"), 412, null);
            assertProblem(call("PATCH", c.path(id), body, "*"), 412, null);
            assertProblem(call("DELETE", c.path(id), null, "*"), 412, null);
            assertProblem(gateway.admin("GET", c.path(id), null), 404, null);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("collections")
        void deletesWith204AndThen404s(Collection c) throws Exception {
            String id = c.id("delete", Shape.PLAIN);
            String etag = create(c, Shape.PLAIN, id, "doomed").header("ETag");
            assertEquals(204, call("DELETE", c.path(id), null, etag).status());
            for (Shape shape : Shape.values()) {
                assertProblem(gateway.admin("GET", shape.ask(c.path(id)), null), 404, null);
            }
            assertProblem(gateway.admin("DELETE", c.path(id), null), 404, null);
        }

        @ParameterizedTest(name = "{0} in {1}: {2}")
        @MethodSource("everyBadInputInBothShapes")
        void refusesBadInputNamingTheFieldAndChangesNothing(Collection c, Shape shape, Bad bad) throws Exception {
            String test = "bad-" + bad.field().replaceAll("[^A-Za-z0-9]+", "-");
            String fresh = c.id(test + "-new", shape);
            assertProblem(call("PUT", c.path(fresh), c.body(shape, fresh, bad.properties()), null), 422, bad.field());
            assertProblem(gateway.admin("GET", c.path(fresh), null), 404, null);

            String existing = c.id(test + "-old", shape);
            String etag = create(c, shape, existing, "kept").header("ETag");
            String body = c.body(shape, existing, bad.properties());
            assertProblem(call("PUT", c.path(existing), body, null), 422, bad.field());
            assertProblem(call("PATCH", c.path(existing), body, null), 422, bad.field());
            assertCurrent(c, existing, etag, "kept");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("collections")
        void refusesAMalformedBodyOrIdNamingIt(Collection c) throws Exception {
            assertProblem(call("PUT", c.path(c.prefix() + "-malformed"), "{\"a\": ", null), 422, "body");
            assertProblem(gateway.admin("GET", c.path(c.prefix() + "-malformed"), null), 404, null);
            assertProblem(call("PUT", c.path("b%20d"), c.properties("bd", "x"), null), 422, "id");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("collections")
        void listsPagesWithTopAndNextLinkFilteredByName(Collection c) throws Exception {
            String prefix = c.prefix() + "-list-";
            for (int i = 1; i <= 3; i++) {
                create(c, Shape.PLAIN, prefix + i, "listed");
            }
            Response first = gateway.admin("GET", c.route() + "?$top=2&$filter="
                    + encode("startswith(name,'" + prefix + "')"), null);
            assertEquals(200, first.status(), first.body());
            assertEquals(List.of(prefix + 1, prefix + 2), values(first, "id"));
            assertEquals(3, first.json().path("count").asInt(), first.body());
            String next = first.json().path("nextLink").asText();
            assertTrue(next.contains("$skip=2"), next);

            Response last = gateway.admin("GET", next, null);
            assertEquals(List.of(prefix + 3), values(last, "id"));
            assertFalse(last.json().has("nextLink"), last.body());

            Response arm = gateway.admin("GET", c.route() + "?" + API_VERSION + "&$filter="
                    + encode("name eq '" + prefix + "2'"), null);
            assertEquals(List.of(prefix + 2), values(arm, "name"));
            c.assertAnswer(Shape.ARM, prefix + 2, arm.json().path("value").get(0));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("collections")
        void refusesBadListParametersNamingThem(Collection c) throws Exception {
            assertProblem(gateway.admin("GET", c.route() + "?$top=0", null), 422, "$top");
            assertProblem(gateway.admin("GET", c.route() + "?$skip=-1", null), 422, "$skip");
            assertProblem(gateway.admin("GET", c.route() + "?$filter=" + encode("value eq 'x'"), null), 422,
                    "$filter");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("collections")
        void refusesToChangeWhatGatewayYmlDeclares(Collection c) throws Exception {
            String id = c.prefix() + "-declared";
            Response declared = gateway.admin("GET", c.path(id), null);
            assertEquals(200, declared.status(), declared.body());
            String body = c.properties(id, "changed");
            for (Response refused : List.of(call("PUT", c.path(id), body, null), call("PATCH", c.path(id), body, null),
                    call("DELETE", c.path(id), null, null))) {
                assertProblem(refused, 409, null);
                assertTrue(refused.json().path("detail").asText().contains("gateway.yml"), refused.body());
            }
            assertEquals(declared.header("ETag"), gateway.admin("GET", c.path(id), null).header("ETag"));
        }
    }

    /** {@code /admin/products/{id}/apis/{apiId}}: a link has no properties; its body, if any, is ignored. */
    @Nested
    class ProductApiLinks {

        private static final String TYPE = "Microsoft.ApiManagement/service/products/apis";

        @ParameterizedTest(name = "{0}")
        @EnumSource(Shape.class)
        void linksWith201RelinksWith200AndReadsInEitherShape(Shape shape) throws Exception {
            String api = anApi("linked-" + shape.tag());
            Response linked = gateway.admin("PUT", shape.ask(link("shelf", api)), null);
            assertEquals(201, linked.status(), linked.body());
            assertNotNull(linked.header("ETag"));
            assertLink(shape, api, linked.json());
            Response again = gateway.admin("PUT", shape.ask(link("shelf", api)), null);
            assertEquals(200, again.status(), again.body());
            for (Shape asked : Shape.values()) {
                Response got = gateway.admin("GET", asked.ask(link("shelf", api)), null);
                assertEquals(linked.header("ETag"), got.header("ETag"));
                assertLink(asked, api, got.json());
            }
        }

        @Test
        void listsAProductsOwnApisPagedAndFiltered() throws Exception {
            created("/admin/products/pager", "{}");
            for (String api : List.of("paged-1", "paged-2", "paged-3", "paged-4")) {
                created(link(api.endsWith("4") ? "shelf" : "pager", anApi(api)), null);
            }
            Response first = gateway.admin("GET", "/admin/products/pager/apis?$top=2&$filter="
                    + encode("startswith(name,'paged-')"), null);
            assertEquals(List.of("pager/paged-1", "pager/paged-2"), values(first, "id"));
            assertEquals(3, first.json().path("count").asInt(), first.body());
            Response last = gateway.admin("GET", first.json().path("nextLink").asText(), null);
            assertEquals(List.of("pager/paged-3"), values(last, "id"));
            assertFalse(last.json().has("nextLink"), last.body());
            Response arm = gateway.admin("GET", "/admin/products/pager/apis?" + API_VERSION, null);
            assertEquals(List.of("paged-1", "paged-2", "paged-3"), values(arm, "name"));
            assertProblem(gateway.admin("GET", "/admin/products/pager/apis?$top=101", null), 422, "$top");
            assertProblem(gateway.admin("GET", "/admin/products/no-such-product/apis", null), 404, null);
        }

        @Test
        void refusesAStaleIfMatchAndKeepsTheLink() throws Exception {
            String path = link("shelf", anApi("stale-link"));
            String etag = created(path, null).header("ETag");
            String stale = "\"0123456789abcdef01234567\""; // a link has no properties: its tag never changes
            assertProblem(call("PUT", path, null, stale), 412, null);
            assertProblem(call("DELETE", path, null, stale), 412, null);
            assertEquals(etag, gateway.admin("GET", path, null).header("ETag"));
        }

        @Test
        void refusesIfMatchStarOnAMissingLink() throws Exception {
            String path = link("shelf", anApi("unlinked"));
            assertProblem(call("PUT", path, null, "*"), 412, null);
            assertProblem(call("DELETE", path, null, "*"), 412, null);
            assertProblem(gateway.admin("GET", path, null), 404, null);
        }

        @Test
        void unlinksWith204AndThen404sKeepingTheApi() throws Exception {
            String path = link("shelf", anApi("unlinking"));
            String etag = created(path, null).header("ETag");
            assertEquals(204, call("DELETE", path, null, etag).status());
            assertProblem(gateway.admin("GET", path, null), 404, null);
            assertProblem(gateway.admin("DELETE", path, null), 404, null);
            assertEquals(200, gateway.admin("GET", "/admin/apis/unlinking", null).status());
        }

        @ParameterizedTest(name = "{0}/apis/{1}")
        @CsvSource({"shelf, no-such-api, apiId", "no-such-product, shelved, productId"})
        void refusesALinkToWhatIsMissingNamingItAndLinksNothing(String product, String api, String field)
                throws Exception {
            assertProblem(gateway.admin("PUT", link(product, api), null), 422, field);
            assertProblem(gateway.admin("GET", link(product, api), null), 404, null);
        }

        private static String link(String product, String api) {
            return "/admin/products/" + product + "/apis/" + api;
        }

        private static String anApi(String id) throws Exception {
            created("/admin/apis/" + id, MODEL_APIS.properties(id, "linkable"));
            return id;
        }

        private static void assertLink(Shape shape, String api, JsonNode answer) {
            shape.assertAnswer(answer, "shelf/" + api, "/products/shelf/apis/" + api, TYPE);
        }
    }

    /** A resource another one names cannot go while it is named; the answer says which resource names it. */
    @Nested
    class WhileAnotherResourceRefersToIt {

        record Write(String path, String body) {
        }

        record Referral(String name, List<Write> setup, String referred, String referrer) {
            @Override
            public String toString() {
                return name;
            }
        }

        static Stream<Referral> referrals() {
            String single = doc("{'url': 'http://127.0.0.1:9'}");
            return Stream.of(
                    new Referral("a backend in a pool", List.of(
                            new Write("/admin/backends/ref-member", single),
                            new Write("/admin/backends/ref-pool",
                                    doc("{'type': 'Pool', 'pool': {'services': [{'id': 'ref-member'}]}}"))),
                            "/admin/backends/ref-member", "/backends/ref-pool"),
                    new Referral("a backend an API relays to", List.of(
                            new Write("/admin/backends/ref-target", single),
                            new Write("/admin/apis/ref-relay", doc("{'type': 'azure-openai', 'path': 'ref-relay',"
                                    + " 'backendId': '/backends/ref-target'}"))),
                            "/admin/backends/ref-target", "/apis/ref-relay"),
                    new Referral("a product with a subscription", List.of(
                            new Write("/admin/products/ref-sold", "{}"),
                            new Write("/admin/subscriptions/ref-buyer", doc("{'scope': '/products/ref-sold'}"))),
                            "/admin/products/ref-sold", "/subscriptions/ref-buyer"),
                    new Referral("a product with an API link", List.of(
                            new Write("/admin/products/ref-shelf", "{}"),
                            new Write("/admin/apis/ref-listed", MODEL_APIS.properties("ref-listed", "listed")),
                            new Write("/admin/products/ref-shelf/apis/ref-listed", null)),
                            "/admin/products/ref-shelf", "/products/ref-shelf/apis/ref-listed"),
                    new Referral("an API with a subscription", List.of(
                            new Write("/admin/apis/ref-scoped", MODEL_APIS.properties("ref-scoped", "scoped")),
                            new Write("/admin/subscriptions/ref-api-buyer", doc("{'scope': '/apis/ref-scoped'}"))),
                            "/admin/apis/ref-scoped", "/subscriptions/ref-api-buyer"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("referrals")
        void refusesTheDeleteNamingTheReferrerUntilItIsGone(Referral referral) throws Exception {
            for (Write write : referral.setup()) {
                created(write.path(), write.body());
            }
            String etag = gateway.admin("GET", referral.referred(), null).header("ETag");
            Response refused = gateway.admin("DELETE", referral.referred(), null);
            assertProblem(refused, 409, null);
            assertTrue(refused.json().path("detail").asText().contains(referral.referrer()), refused.body());
            assertEquals(etag, gateway.admin("GET", referral.referred(), null).header("ETag"));

            assertEquals(204, gateway.admin("DELETE", "/admin" + referral.referrer(), null).status());
            assertEquals(204, gateway.admin("DELETE", referral.referred(), null).status());
        }
    }

    /** Backend credential values, subscription keys and secret named values are read only through their actions. */
    @Nested
    class SecretValues {

        record Secretive(String name, Collection collection, String id, String properties, List<String> secrets) {
            @Override
            public String toString() {
                return name;
            }
        }

        static Stream<Secretive> secretives() {
            return Stream.of(
                    new Secretive("a secret named value", NAMED_VALUES, "nv-secret",
                            doc("{'value': 'named-secret-0001', 'secret': true}"), List.of("named-secret-0001")),
                    new Secretive("a backend's credentials", SINGLE_BACKENDS, "single-secret", """
                            {"url": "http://127.0.0.1:9", "credentials": {
                                "header": {"api-key": ["header-secret-0002"]}, "query": {"code": "query-secret-0003"},
                                "authorization": {"scheme": "Bearer", "parameter": "authorization-secret-0004"}}}""",
                            List.of("header-secret-0002", "query-secret-0003", "authorization-secret-0004")),
                    new Secretive("a subscription's keys", SUBSCRIPTIONS, "sub-secret", """
                            {"scope": "/apis", "primaryKey": "primary-secret-0005",
                             "secondaryKey": "secondary-secret-0006"}""",
                            List.of("primary-secret-0005", "secondary-secret-0006")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("secretives")
        void areInNoAnswerOfAWriteOrARead(Secretive s) throws Exception {
            assertShownNowhere(everyAnswerAbout(s.collection(), s.id(), s.properties()), s.secrets());
        }

        @Test
        void generatedSubscriptionKeysAreInNoAnswerEither() throws Exception {
            created("/admin/subscriptions/sub-generated", SUBSCRIPTIONS.properties("sub-generated", "generated"));
            JsonNode keys = gateway.admin("POST", "/admin/subscriptions/sub-generated/listSecrets", null).json();
            List<String> secrets = List.of(keys.path("primaryKey").asText(), keys.path("secondaryKey").asText());
            assertShownNowhere(everyAnswerAbout(SUBSCRIPTIONS, "sub-generated",
                    SUBSCRIPTIONS.properties("sub-generated", "generated")), secrets);
            assertEquals(keys, gateway.admin("POST", "/admin/subscriptions/sub-generated/listSecrets", null).json());
        }

        /** Writes and reads of the resource in both shapes: put, patch, get and list. */
        private static List<Response> everyAnswerAbout(Collection c, String id, String properties) throws Exception {
            List<Response> answers = new ArrayList<>();
            for (Shape shape : Shape.values()) {
                answers.add(call("PUT", c.path(id), c.body(shape, id, properties), null));
                answers.add(call("PATCH", c.path(id), c.body(shape, id, "{}"), null));
                answers.add(gateway.admin("GET", shape.ask(c.path(id)), null));
                answers.add(gateway.admin("GET", shape.ask(c.route() + "?$filter=" + encode("name eq '" + id + "'")),
                        null));
            }
            return answers;
        }

        private static void assertShownNowhere(List<Response> answers, List<String> secrets) {
            for (Response answer : answers) {
                assertTrue(answer.status() < 300, answer.body());
                secrets.forEach(secret -> assertFalse(answer.body().contains(secret), answer.body()));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /admin/widgets", "PUT, /admin/widgets/w1", "DELETE, /admin/backend/b1",
            "GET, /admin/product-apis", "GET, /admin/products/shelf/widgets"})
    void answersAnUnknownCollectionRouteWith404(String method, String path) throws Exception {
        assertProblem(gateway.admin(method, path, method.equals("PUT") ? "{}" : null), 404, null);
    }

    @Test
    void answersAVerbAKnownRouteDoesNotServeWith405AndItsAllowedVerbs() throws Exception {
        Response refused = gateway.admin("POST", "/admin/backends", "{}");
        assertProblem(refused, 405, null);
        assertTrue(refused.header("Allow") != null && refused.header("Allow").contains("GET"),
                String.valueOf(refused.headers()));
    }

    private static Response create(Collection c, Shape shape, String id, String label) throws Exception {
        return created(c.path(id), c.body(shape, id, c.properties(id, label)));
    }

    private static Response created(String path, String body) throws Exception {
        Response response = gateway.admin("PUT", path, body);
        assertEquals(201, response.status(), path + ": " + response.body());
        return response;
    }

    private static Response call(String method, String path, String body, String ifMatch) throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + GatewayFixture.ADMIN_KEY));
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return gateway.send(method, path, body, headers);
    }

    /** The resource is still the version with this ETag and label. */
    private static void assertCurrent(Collection c, String id, String etag, String label) throws Exception {
        Response current = gateway.admin("GET", c.path(id), null);
        assertEquals(200, current.status(), current.body());
        assertEquals(etag, current.header("ETag"), current.body());
        assertEquals(label, current.json().path(c.label()).asText(), current.body());
    }

    private static void assertProblem(Response response, int status, String field) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.isProblem(), response.contentType());
        if (field != null) {
            assertEquals(field, response.json().path("field").asText(), response.body());
        }
    }

    private static List<String> values(Response page, String member) {
        assertEquals(200, page.status(), page.body());
        return StreamSupport.stream(page.json().path("value").spliterator(), false)
                .map(v -> v.path(member).asText()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The tables write their documents with ' for ", so that they read as JSON; no value holds a '. */
    private static String doc(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static Bad bad(String singleQuoted, String field) {
        return new Bad(doc(singleQuoted), field);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
