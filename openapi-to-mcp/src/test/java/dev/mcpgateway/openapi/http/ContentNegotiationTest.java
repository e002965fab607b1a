package dev.mcpgateway.openapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.openapi.ImportOptions;
import dev.mcpgateway.openapi.ImportResult;
import dev.mcpgateway.openapi.OpenApiImporter;
import dev.mcpgateway.openapi.PinnedParameter;
import dev.mcpgateway.openapi.SpecSource;
import dev.mcpgateway.testsupport.NegotiatingHttpServer;
import dev.mcpgateway.testsupport.NegotiatingHttpServer.Representation;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Accept built from the declared response media types, against a real backend that negotiates: the exact header
 * sent, the representation chosen, and the tool result the model gets.
 */
class ContentNegotiationTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path SPEC = Path.of("src/test/resources/specs/negotiation.yaml");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final Representation JSON = Representation.of("application/json", "{\"id\":1}");
    private static final Representation XML = Representation.of("application/xml", "<item><id>1</id></item>");
    private static final Representation CSV = Representation.of("text/csv", "id\n1");
    private static NegotiatingHttpServer backend;
    private static BackendTarget target;

    @BeforeAll
    static void start() {
        backend = NegotiatingHttpServer.start()
                .negotiate("/json", JSON)
                // this backend prefers XML: only the Accept header makes it answer JSON
                .negotiate("/json-or-xml", XML, JSON)
                .negotiate("/xml", XML, JSON)
                .negotiate("/anything", CSV, JSON)
                .negotiate("/undeclared", CSV, JSON)
                .always("/photo", new Representation("image/png", PNG))
                .negotiate("/report", JSON);
        target = BackendTarget.baseUrl(backend.baseUri());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static ImportResult imported(ImportOptions options) {
        return new OpenApiImporter().importSpec(SpecSource.file(SPEC), options);
    }

    private static CallToolResult call(ImportResult imported, String tool) throws Exception {
        HttpRequestPlan plan = imported.tool(tool).orElseThrow().buildRequest(Map.of(), target);
        HttpResponse<byte[]> response = CLIENT.send(plan.toRequestBuilder().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return imported.tool(tool).orElseThrow().toResult(HttpResponseData.from(response));
    }

    @Nested
    class WhenTheOperationDeclaresItsMediaTypes {

        private final ImportResult imported = imported(ImportOptions.defaults());

        @Test
        void asksForJsonOnlyAndGetsStructuredContent() throws Exception {
            var result = call(imported, "getJson");
            assertEquals(List.of("application/json"), backend.lastAccept());
            assertEquals(new CallToolResult(List.of(new TextContent("{\"id\":1}")), false, Map.of("id", 1), null),
                    result);
        }

        @Test
        void putsJsonBeforeXmlWhateverTheDeclaredOrderAndIgnoresADeclaredAcceptParameter() throws Exception {
            var result = call(imported, "getJsonOrXml");
            assertEquals(List.of("application/json, application/xml;q=0.9"), backend.lastAccept());
            assertEquals(Map.of("id", 1), result.structuredContent());
            assertEquals(Map.of(), imported.tool("getJsonOrXml").orElseThrow().tool().inputSchema().get("properties"));
        }

        @Test
        void asksForXmlOnlyAndReturnsItAsText() throws Exception {
            var result = call(imported, "getXml");
            assertEquals(List.of("application/xml"), backend.lastAccept());
            assertEquals(new CallToolResult(List.of(new TextContent("<item><id>1</id></item>")), false, null, null),
                    result);
        }

        @Test
        void prefersJsonButTakesAnythingWhenTheSpecSaysAnyType() throws Exception {
            var result = call(imported, "getAnything");
            assertEquals(List.of("application/json, */*;q=0.8"), backend.lastAccept());
            assertEquals(List.of(new TextContent("{\"id\":1}")), result.content());
        }

        @Test
        void prefersJsonButTakesAnythingWhenNothingIsDeclared() throws Exception {
            var result = call(imported, "getUndeclared");
            assertEquals(List.of("application/json, */*;q=0.8"), backend.lastAccept());
            assertEquals(List.of(new TextContent("{\"id\":1}")), result.content());
        }
    }

    @Nested
    class WhenTheBackendCannotAnswerAsDeclared {

        private final ImportResult imported = imported(ImportOptions.defaults());

        @Test
        void anImageWhereJsonIsDeclaredIsAnErrorResultCarryingTheImage() throws Exception {
            var result = call(imported, "getPhoto");
            assertEquals(List.of("application/json"), backend.lastAccept());
            assertEquals(new CallToolResult(List.of(
                    new TextContent("The API's answer does not match this tool's output schema: it is image/png"
                            + " (4 bytes), not JSON. What it sent follows."),
                    new ImageContent(null, Base64.getEncoder().encodeToString(PNG), "image/png")), true, null, null),
                    result);
        }

        @Test
        void nothingAcceptableIsAnErrorResultNamingTheStatus() throws Exception {
            var result = call(imported, "getReport");
            assertEquals(List.of("application/xml"), backend.lastAccept());
            assertEquals(true, result.isError());
            assertEquals("HTTP 406 Not Acceptable: Not Acceptable\nDetail: no representation matches application/xml"
                    + "\nResponse body: {\"title\":\"Not Acceptable\",\"detail\":\"no representation matches "
                    + "application/xml\"}", ((TextContent) result.content().getFirst()).text());
        }
    }

    @Nested
    class WhenTheOperatorPinsAccept {

        @Test
        void thePinnedValueIsSentInsteadOfTheDeclaredOnes() throws Exception {
            var imported = imported(ImportOptions.builder()
                    .pinnedParameters(List.of(PinnedParameter.header("accept", "text/csv"))).build());
            var result = call(imported, "getAnything");
            assertEquals(List.of("text/csv"), backend.lastAccept());
            assertEquals(List.of(new TextContent("id\n1")), result.content());
        }
    }
}
