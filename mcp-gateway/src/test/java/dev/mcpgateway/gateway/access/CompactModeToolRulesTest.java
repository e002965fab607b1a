package dev.mcpgateway.gateway.access;

import static dev.mcpgateway.gateway.access.SecuredGateway.COMPACT_CARTS_SCOPE;
import static dev.mcpgateway.gateway.access.SecuredGateway.assertScopeChallenge;
import static dev.mcpgateway.gateway.access.SecuredGateway.call;
import static dev.mcpgateway.gateway.access.SecuredGateway.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A tool rule on an operation of a compact server ({@code shop-compact}: a role rule on {@code createCart}, a scope
 * rule on {@code getCart}) is enforced through its three tools as it is on a server in tools mode: search lists only
 * what the caller may see, describe and invoke answer a hidden operation as an unknown one, and describing or invoking
 * an operation the caller could reach with more scopes is the step-up a {@code tools/call} of it would be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompactModeToolRulesTest {

    private static final String SERVER = "shop-compact";

    /** Valid arguments, so that only the rule can stop the call before it reaches the API. */
    private static final Map<String, Map<String, Object>> ARGUMENTS = Map.of(
            "createCart", Map.of("customer", "Nora", "items", List.of(Map.of("productId", "p-102", "quantity", 1))),
            "getCart", Map.of("cartId", "c-1"));

    private SecuredGateway gw;

    @BeforeAll
    void start() throws Exception {
        gw = new SecuredGateway();
    }

    @AfterAll
    void stop() {
        gw.close();
    }

    private String token(String user, List<String> scopes, List<String> roles) {
        return gw.token(user, gw.url(SERVER), scopes, roles);
    }

    private HttpResponse<String> compact(String token, String tool, Map<String, Object> arguments) {
        try {
            return gw.mcp(SERVER, token, gw.session(SERVER, token),
                    call(tool, SecuredGateway.JSON.writeValueAsString(arguments)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode result(String token, String tool, Map<String, Object> arguments) {
        HttpResponse<String> response = compact(token, tool, arguments);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response.body()).path("result");
        assertFalse(result.isMissingNode(), response.body());
        return result;
    }

    private JsonNode invoke(String token, String operation) {
        return result(token, "invoke_operation", Map.of("operation", operation,
                "arguments", ARGUMENTS.getOrDefault(operation, Map.of())));
    }

    private JsonNode describe(String token, String operation) {
        return result(token, "describe_operation", Map.of("operation", operation));
    }

    /** Every operation the search lists for an empty query, and the total it reports. */
    private Found search(String token) {
        JsonNode found = result(token, "search_operations", Map.of("limit", 50)).path("structuredContent");
        List<String> names = new ArrayList<>();
        found.path("operations").forEach(o -> names.add(o.path("operation").asText()));
        return new Found(names, found.path("total").asInt());
    }

    private record Found(List<String> operations, int total) {
    }

    /** The answer a refused operation must not be told apart from: the one for a name the API does not have. */
    private void assertAnsweredAsUnknown(JsonNode refused, String operation, JsonNode unknown) {
        assertTrue(refused.path("isError").asBoolean(), refused.toString());
        assertEquals(unknown.path("content").toString().replace("noSuchOperation", "X"),
                refused.path("content").toString().replace(operation, "X"), refused.toString());
        assertTrue(refused.path("structuredContent").isMissingNode(), refused.toString());
    }

    @Nested
    class WhenTheCallerLacksTheRulesRole {

        private final String token = token("lena", List.of("mcp:shop-compact", COMPACT_CARTS_SCOPE),
                List.of("Reader"));

        @Test
        void invokeAnswersAsForAnUnknownOperation() {
            assertAnsweredAsUnknown(invoke(token, "createCart"), "createCart", invoke(token, "noSuchOperation"));
        }

        @Test
        void describeAnswersAsForAnUnknownOperation() {
            assertAnsweredAsUnknown(describe(token, "createCart"), "createCart",
                    describe(token, "noSuchOperation"));
        }

        @Test
        void searchNeitherListsNorCountsTheOperation() {
            Found found = search(token);
            assertFalse(found.operations().contains("createCart"), found.toString());
            assertTrue(found.operations().contains("getCart"), found.toString());
            assertEquals(found.operations().size(), found.total(), found.toString());
            assertEquals(4, found.total(), found.toString());
        }
    }

    @Nested
    class WhenTheCallerLacksOnlyTheRulesScope {

        private final String token = token("milo", List.of("mcp:shop-compact"), List.of("Shop.Buyer"));

        private void assertTheStepUpForGetCart(HttpResponse<String> refused) {
            assertScopeChallenge(refused, "mcp:shop-compact " + COMPACT_CARTS_SCOPE,
                    gw.issuer + "/.well-known/oauth-protected-resource/mcp/" + SERVER);
        }

        @Test
        void invokeIsTheStepUpAServerInToolsModeGivesForTheTool() {
            assertTheStepUpForGetCart(compact(token, "invoke_operation",
                    Map.of("operation", "getCart", "arguments", ARGUMENTS.get("getCart"))));
        }

        @Test
        void describeIsTheSameStepUp() {
            assertTheStepUpForGetCart(compact(token, "describe_operation", Map.of("operation", "getCart")));
        }

        @Test
        void searchDoesNotListTheOperationAsToolsListWouldNot() {
            Found found = search(token);
            assertFalse(found.operations().contains("getCart"), found.toString());
            assertTrue(found.operations().contains("createCart"), found.toString());
        }

        @Test
        void theSteppedUpTokenInvokesIt() {
            JsonNode invoked = invoke(token("milo", List.of("mcp:shop-compact", COMPACT_CARTS_SCOPE),
                    List.of("Shop.Buyer")), "getCart");
            // the sample API has no such cart: its 404 shows the call got through
            assertTrue(invoked.path("content").toString().contains("There is no cart 'c-1'"), invoked.toString());
        }
    }

    @Nested
    class WhenTheCallerIsAllowed {

        private final String token = token("nora", List.of("mcp:shop-compact", COMPACT_CARTS_SCOPE),
                List.of("Shop.Buyer"));

        @Test
        void searchListsDescribeDescribesAndInvokeCallsTheOperation() {
            Found found = search(token);
            assertEquals(List.of("searchProducts", "getProduct", "createCart", "getCart", "sendFeedback"),
                    found.operations());
            assertEquals(5, found.total());
            assertEquals("createCart", describe(token, "createCart").path("structuredContent")
                    .path("operation").asText());
            JsonNode invoked = invoke(token, "createCart");
            assertFalse(invoked.path("isError").asBoolean(), invoked.toString());
            assertEquals("Nora", invoked.path("structuredContent").path("customer").asText(), invoked.toString());
        }
    }
}
