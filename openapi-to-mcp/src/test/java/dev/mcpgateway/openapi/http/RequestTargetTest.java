package dev.mcpgateway.openapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Servers, constants, name collisions and path traversal: where a call goes and what it carries. */
class RequestTargetTest {

    @Nested
    class NameCollisions {

        @Test
        void sendsEachCollidingArgumentBackToItsOwnLocation() throws Exception {
            var binding = new HttpBinding("PUT", ServerBinding.of("https://shop.example.com"), "/carts/{cartId}/lines",
                    List.of(ParameterBinding.of("cartId__path", ParameterLocation.PATH, "cartId", ValueShape.PRIMITIVE,
                                    true),
                            ParameterBinding.of("cartId__query", ParameterLocation.QUERY, "cartId", ValueShape.PRIMITIVE,
                                    false),
                            ParameterBinding.of("cartId__header", ParameterLocation.HEADER, "CartId",
                                    ValueShape.PRIMITIVE, false)),
                    Optional.of(BodyBinding.properties("application/json", List.of(
                            BodyProperty.of("cartId", "cartId", ValueShape.PRIMITIVE),
                            BodyProperty.of("qty", "qty", ValueShape.PRIMITIVE)), true)),
                    List.of(), List.of(), ResponseBinding.defaults());
            var plan = binding.buildRequest(Map.of("cartId__path", "p-1", "cartId__query", "q-2",
                    "cartId__header", "h-3", "cartId", "b-4", "qty", 2), BackendTarget.specDefaults());
            assertEquals(URI.create("https://shop.example.com/carts/p-1/lines?cartId=q-2"), plan.uri());
            assertEquals(List.of("h-3"), plan.headerValues("cartid"));
            assertEquals("{\"cartId\":\"b-4\",\"qty\":2}", new String(plan.body(), StandardCharsets.UTF_8));
        }

        @Test
        void refusesABindingThatBindsOneArgumentTwice() {
            assertThrows(IllegalArgumentException.class, () -> Bindings.get("/x",
                    ParameterBinding.of("id", ParameterLocation.QUERY, "id", ValueShape.PRIMITIVE, false),
                    ParameterBinding.of("id", ParameterLocation.HEADER, "X-Id", ValueShape.PRIMITIVE, false)));
        }
    }

    @Nested
    class PathTraversal {

        @ParameterizedTest
        @ValueSource(strings = {"..", "../admin", "a/../../etc", "%2E%2E", "..%2Fadmin", "%252e%252e%252fadmin",
                "..\\admin", "."})
        void refusesValuesThatWalkThePathOnceDecoded(String value) {
            var binding = Bindings.get("/files/{name}",
                    Bindings.path("name", ParameterStyle.SIMPLE, false, ValueShape.PRIMITIVE));
            var error = assertThrows(InvalidArgumentsException.class,
                    () -> Bindings.build(binding, Map.of("name", value)));
            assertEquals(List.of("name: must not contain '.' or '..' path segments"), error.messages());
        }

        @Test
        void refusesTraversalInsideAnArrayValue() {
            var binding = Bindings.get("/files/{names}",
                    Bindings.path("names", ParameterStyle.SIMPLE, false, ValueShape.ARRAY));
            assertThrows(InvalidArgumentsException.class,
                    () -> Bindings.build(binding, Map.of("names", List.of("a", ".."))));
        }

        @Test
        void allowsDotsThatAreNotWholeSegments() throws Exception {
            var binding = Bindings.get("/files/{name}",
                    Bindings.path("name", ParameterStyle.SIMPLE, false, ValueShape.PRIMITIVE));
            assertEquals("/files/v1..2.tar.gz", Bindings.target(Bindings.build(binding, Map.of("name", "v1..2.tar.gz"))));
        }

        @Test
        void refusesAnEmptyPathValue() {
            var binding = Bindings.get("/files/{name}",
                    Bindings.path("name", ParameterStyle.SIMPLE, false, ValueShape.PRIMITIVE));
            var error = assertThrows(InvalidArgumentsException.class, () -> Bindings.build(binding, Map.of("name", "")));
            assertEquals(List.of("name: must not be empty (it is a path segment)"), error.messages());
            var empty = assertThrows(InvalidArgumentsException.class,
                    () -> Bindings.build(binding, Map.of("name", List.of())));
            assertEquals(List.of("name: must not be empty (it is a path segment)"), empty.messages());
        }
    }

    @Nested
    class ServersAndConstants {

        private final ServerBinding azure = new ServerBinding("https://{endpoint}/openai/{tier}", Map.of(
                "endpoint", ServerVariable.of("example.openai.azure.com"),
                "tier", new ServerVariable("v1", List.of("v1", "v2"))));

        private HttpBinding deployments(ServerBinding server) {
            return new HttpBinding("POST", server, "/deployments/{deployment}/chat",
                    List.of(ParameterBinding.of("deployment", ParameterLocation.PATH, "deployment",
                            ValueShape.PRIMITIVE, true)),
                    Optional.empty(),
                    List.of(new ConstantParameter(ParameterLocation.QUERY, "api-version", "2024-10-21"),
                            new ConstantParameter(ParameterLocation.HEADER, "X-Ms-Version", "7")),
                    List.of(new SecurityRequirement(List.of(SecurityScheme.apiKey("key", ParameterLocation.HEADER,
                            "api-key")))),
                    ResponseBinding.defaults());
        }

        @Test
        void fillsServerVariablesWithDefaultsAndSendsConstantsOnEveryCall() throws Exception {
            var plan = deployments(azure).buildRequest(Map.of("deployment", "gpt-4o"), BackendTarget.specDefaults());
            assertEquals(URI.create("https://example.openai.azure.com/openai/v1/deployments/gpt-4o/chat"
                    + "?api-version=2024-10-21"), plan.uri());
            assertEquals(List.of(new HttpHeader("Accept", ResponseBinding.DEFAULT_ACCEPT),
                    new HttpHeader("X-Ms-Version", "7")), plan.headers());
        }

        @Test
        void usesTheTargetsServerVariables() throws Exception {
            var plan = deployments(azure).buildRequest(Map.of("deployment", "d"),
                    BackendTarget.variables(Map.of("endpoint", "contoso.openai.azure.com", "tier", "v2")));
            assertEquals("https://contoso.openai.azure.com/openai/v2/deployments/d/chat?api-version=2024-10-21",
                    plan.uri().toString());
        }

        @Test
        void refusesAServerVariableOutsideItsEnum() {
            assertThrows(IllegalArgumentException.class, () -> deployments(azure).buildRequest(Map.of("deployment", "d"),
                    BackendTarget.variables(Map.of("tier", "v9"))));
        }

        @Test
        void replacesTheServerWithTheTargetsBaseUrl() throws Exception {
            var plan = deployments(azure).buildRequest(Map.of("deployment", "d"),
                    BackendTarget.baseUrl(URI.create("http://127.0.0.1:8080/base/")));
            assertEquals("http://127.0.0.1:8080/base/deployments/d/chat?api-version=2024-10-21", plan.uri().toString());
        }

        @Test
        void refusesARelativeServerWithoutABaseUrl() {
            assertThrows(IllegalStateException.class, () -> deployments(ServerBinding.of("/api/v3"))
                    .buildRequest(Map.of("deployment", "d"), BackendTarget.specDefaults()));
        }

        @Test
        void refusesAMissingRequiredParameterNamingIt() {
            var error = assertThrows(InvalidArgumentsException.class,
                    () -> deployments(azure).buildRequest(Map.of(), BackendTarget.specDefaults()));
            assertEquals(List.of("deployment: is required"), error.messages());
        }

        @Test
        void exposesTheSecurityRequirementsWithoutTurningThemIntoArguments() {
            var binding = deployments(azure);
            assertEquals("api-key", binding.security().getFirst().schemes().getFirst().parameterName());
            assertEquals(1, binding.parameters().size());
        }
    }

    @Nested
    class BindingChecks {

        @Test
        void refusesAPathPlaceholderWithoutParameter() {
            assertThrows(IllegalArgumentException.class, () -> Bindings.get("/pets/{petId}"));
        }

        @Test
        void refusesAStyleThatTheLocationDoesNotAllow() {
            assertThrows(IllegalArgumentException.class, () -> new ParameterBinding("a", ParameterLocation.QUERY, "a",
                    ParameterStyle.MATRIX, false, false, ValueShape.PRIMITIVE, false));
        }

        @Test
        void refusesAnUndeclaredServerVariable() {
            assertThrows(IllegalArgumentException.class, () -> ServerBinding.of("https://{host}/api"));
        }
    }
}
