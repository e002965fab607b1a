package dev.mcpgateway.gateway.admin.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Policy documents through APIM's routes at its four scopes: kept when readable, refused naming element and line. */
class PolicyRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RATE_LIMIT = """
            <policies>
                <inbound>
                    <base />
                    <rate-limit-by-key calls="10" renewal-period="60"
                        counter-key="@(context.Request.Headers.GetValueOrDefault("x-team", "anonymous"))" />
                </inbound>
                <backend><base /></backend>
                <outbound><base /></outbound>
                <on-error><base /></on-error>
            </policies>""";
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dir) {
        gateway = GatewayFixture.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String document(String format, String value) throws Exception {
        return JSON.writeValueAsString(Map.of("format", format, "value", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/policies/policy", "/admin/products/ai/policies/policy",
            "/admin/apis/aoai/policies/policy", "/admin/apis/aoai/operations/chat/policies/policy"})
    void keepsAReadableDocumentAtEveryScopeAndRefusesAnUnsupportedOneNamingItsLine(String route) throws Exception {
        Response put = gateway.admin("PUT", route, document("rawxml", RATE_LIMIT));
        assertEquals(201, put.status(), put.body());
        Response arm = gateway.admin("GET", route + "?api-version=2024-06-01-preview", null);
        assertEquals(RATE_LIMIT, arm.json().path("properties").path("value").asText());
        assertEquals("Microsoft.ApiManagement/service/policies", arm.json().path("type").asText());
        assertEquals(route.substring("/admin".length()), arm.json().path("id").asText());
        assertEquals("policy", arm.json().path("name").asText());

        Response refused = gateway.admin("PUT", route, document("xml",
                "<policies>\n  <inbound>\n    <send-request mode=\"new\" response-variable-name=\"r\" />\n"
                        + "  </inbound>\n</policies>"));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("value", refused.json().path("field").asText());
        assertTrue(refused.json().path("detail").asText().contains("<send-request> at line 3"), refused.body());
        assertEquals(RATE_LIMIT, gateway.admin("GET", route, null).json().path("value").asText(),
                "a refused document leaves the kept one");

        assertEquals(204, gateway.admin("DELETE", route, null).status());
        assertEquals(404, gateway.admin("GET", route, null).status());
    }
}
