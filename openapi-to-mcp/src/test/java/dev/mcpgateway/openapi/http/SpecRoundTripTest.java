package dev.mcpgateway.openapi.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.openapi.ImportOptions;
import dev.mcpgateway.openapi.ImportResult;
import dev.mcpgateway.openapi.OpenApiImporter;
import dev.mcpgateway.openapi.SpecSource;
import dev.mcpgateway.openapi.ToolDefinition;
import dev.mcpgateway.testsupport.EchoHttpServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** From a real spec document: import → ToolDefinition.buildRequest → a real echo server → what arrived. */
class SpecRoundTripTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static ImportResult imported;
    private static EchoHttpServer echo;
    private static BackendTarget target;

    @BeforeAll
    static void importAndStart() {
        imported = new OpenApiImporter().importSpec(
                SpecSource.file(Path.of("src/test/resources/specs/http-wire-cases.yaml")), ImportOptions.defaults());
        echo = EchoHttpServer.start();
        target = BackendTarget.baseUrl(URI.create(echo.baseUri() + "/v1"));
    }

    @AfterAll
    static void stop() {
        echo.close();
    }

    private static ToolDefinition tool(String name) {
        return imported.tool(name).orElseThrow();
    }

    private static EchoHttpServer.Received call(String tool, Map<String, Object> args) throws Exception {
        HttpRequestPlan plan = tool(tool).buildRequest(args, target);
        HttpResponse<byte[]> response = CLIENT.send(plan.toRequestBuilder().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        CallToolResult result = tool(tool).toResult(HttpResponseData.from(response));
        assertEquals(false, result.isError());
        return echo.last();
    }

    @Test
    void sendsTheCollidingCartIdsToPathQueryAndBody() throws Exception {
        var received = call("putCartLines", Map.of("cartId__path", "c 1", "cartId__query", "q1", "cartId", "b1",
                "qty", 2));
        assertEquals("/v1/carts/c%201/lines", received.rawPath());
        assertEquals("cartId=q1", received.rawQuery());
        assertEquals("{\"cartId\":\"b1\",\"qty\":2}", received.bodyText());
    }

    @Test
    void refusesInvalidArgumentsBeforeAnythingIsSent() {
        int before = echo.received().size();
        var error = assertThrows(InvalidArgumentsException.class, () -> tool("putCartLines").buildRequest(
                Map.of("cartId__path", "c", "cartId", "b", "qty", 0), target));
        assertEquals(List.of("qty: must have a minimum value of 1"), error.messages());
        assertEquals(before, echo.received().size());
    }

    @Test
    void sendsDeepObjectDelimitedArraysHeadersAndCookies() throws Exception {
        var args = new LinkedHashMap<String, Object>();
        args.put("filter", "{\"status\":\"open\"}");
        args.put("ids", List.of(1, 2));
        args.put("tags", List.of("a", "b"));
        args.put("X-Page", 2);
        args.put("X-Dry-Run", true);
        args.put("session", "s1");
        var received = call("listItems", args);
        assertEquals("filter%5Bstatus%5D=open&ids=1,2&tags=a%7Cb", received.rawQuery());
        assertEquals(List.of("2"), received.header("X-Page"));
        assertEquals(List.of("true"), received.header("X-Dry-Run"));
        assertEquals(List.of("session=s1"), received.header("Cookie"));
    }

    @Test
    void sendsMatrixPathArrays() throws Exception {
        var received = call("getReports", Map.of("ids", List.of("r1", "r2"), "format", "csv"));
        assertEquals("/v1/reports/;ids=r1;ids=r2", received.rawPath());
        assertEquals("format=csv", received.rawQuery());
    }

    @Test
    void sendsFormMultipartTextBinaryPatchAndArrayBodies() throws Exception {
        assertEquals("amount=100&card%5Baddress%5D%5Bcity%5D=Lyon&expand%5B%5D=customer",
                call("createCharge", Map.of("amount", 100, "card", Map.of("address", Map.of("city", "Lyon")),
                        "expand", List.of("customer"))).bodyText());

        var upload = call("uploadPhoto", Map.of("petId", 7, "caption", "hi", "file",
                Map.of("content", "AAE=", "filename", "x.bin")));
        assertEquals("/v1/pets/7/photo", upload.rawPath());
        assertTrue(upload.header("Content-Type").getFirst().startsWith("multipart/form-data; boundary="));
        assertTrue(upload.bodyText().contains("name=\"file\"; filename=\"x.bin\""));

        var patchArgs = new LinkedHashMap<String, Object>();
        patchArgs.put("petId", 1);
        patchArgs.put("nickname", null);
        var patch = call("patchPet", patchArgs);
        assertEquals("{\"nickname\":null}", patch.bodyText());
        assertEquals(List.of("application/merge-patch+json"), patch.header("Content-Type"));

        assertEquals("remember", call("putNote", Map.of("id", "n1", "body", "remember")).bodyText());
        assertArrayEquals(new byte[] {0, 1}, call("putBlob", Map.of("id", "b", "body", "AAE=")).body());
        assertEquals("[{\"name\":\"a\"},{\"name\":\"b\"}]",
                call("bulkCreate", Map.of("body", List.of(Map.of("name", "a"), Map.of("name", "b")))).bodyText());
    }

    @Test
    void usesTheSpecsServerWithVariableDefaultsWhenNoBaseUrlIsBound() throws Exception {
        var plan = tool("getReports").buildRequest(Map.of("ids", List.of("x")), BackendTarget.specDefaults());
        assertEquals(URI.create("https://eu.api.example.com/v1/reports/;ids=x"), plan.uri());
        var us = tool("getReports").buildRequest(Map.of("ids", List.of("x")),
                BackendTarget.variables(Map.of("region", "us")));
        assertEquals("us.api.example.com", us.uri().getHost());
    }

    @Test
    void wrapsTheArrayResponseOfAnOperationWhoseOutputSchemaWrapsIt() {
        var result = tool("listItems").toResult(HttpResponseData.of(200,
                Map.of("Content-Type", List.of("application/json")), "[{\"id\":1}]".getBytes()));
        assertEquals(Map.of("result", List.of(Map.of("id", 1))), result.structuredContent());
    }
}
