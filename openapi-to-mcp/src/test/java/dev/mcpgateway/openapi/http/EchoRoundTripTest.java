package dev.mcpgateway.openapi.http;

import static dev.mcpgateway.openapi.http.Bindings.COLORS;
import static dev.mcpgateway.openapi.http.Bindings.RGB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.testsupport.EchoHttpServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arguments → plan → a real HTTP exchange with an in-process echo server → what actually arrived; and canned
 * responses from that server → tool results.
 */
class EchoRoundTripTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static EchoHttpServer echo;
    private static BackendTarget target;

    @BeforeAll
    static void startEcho() {
        echo = EchoHttpServer.start();
        target = BackendTarget.baseUrl(URI.create(echo.baseUri() + "/v1"));
    }

    @AfterAll
    static void stopEcho() {
        echo.close();
    }

    private static HttpResponseData send(HttpRequestPlan plan) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(plan.toRequestBuilder().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return HttpResponseData.from(response);
    }

    private static EchoHttpServer.Received roundTrip(HttpBinding binding, Map<String, Object> args) throws Exception {
        send(binding.buildRequest(args, target));
        return echo.last();
    }

    static Stream<Arguments> parameterStyles() {
        return Stream.of(
                Arguments.of(ParameterLocation.QUERY, ParameterStyle.FORM, true, COLORS, "color=blue&color=black&color=brown"),
                Arguments.of(ParameterLocation.QUERY, ParameterStyle.FORM, false, COLORS, "color=blue,black,brown"),
                Arguments.of(ParameterLocation.QUERY, ParameterStyle.FORM, true, RGB, "R=100&G=200&B=150"),
                Arguments.of(ParameterLocation.QUERY, ParameterStyle.SPACE_DELIMITED, false, COLORS,
                        "color=blue%20black%20brown"),
                Arguments.of(ParameterLocation.QUERY, ParameterStyle.PIPE_DELIMITED, false, COLORS,
                        "color=blue%7Cblack%7Cbrown"),
                Arguments.of(ParameterLocation.QUERY, ParameterStyle.DEEP_OBJECT, true, Map.of("status", "open"),
                        "color%5Bstatus%5D=open"),
                Arguments.of(ParameterLocation.PATH, ParameterStyle.SIMPLE, false, COLORS, "/v1/items/blue,black,brown"),
                Arguments.of(ParameterLocation.PATH, ParameterStyle.SIMPLE, true, RGB, "/v1/items/R=100,G=200,B=150"),
                Arguments.of(ParameterLocation.PATH, ParameterStyle.LABEL, true, COLORS, "/v1/items/.blue.black.brown"),
                Arguments.of(ParameterLocation.PATH, ParameterStyle.LABEL, false, RGB, "/v1/items/.R,100,G,200,B,150"),
                Arguments.of(ParameterLocation.PATH, ParameterStyle.MATRIX, true, COLORS,
                        "/v1/items/;color=blue;color=black;color=brown"),
                Arguments.of(ParameterLocation.PATH, ParameterStyle.MATRIX, false, "a b/c", "/v1/items/;color=a%20b%2Fc"),
                Arguments.of(ParameterLocation.HEADER, ParameterStyle.SIMPLE, false, COLORS, "blue,black,brown"),
                Arguments.of(ParameterLocation.HEADER, ParameterStyle.SIMPLE, true, RGB, "R=100,G=200,B=150"),
                Arguments.of(ParameterLocation.COOKIE, ParameterStyle.FORM, false, COLORS, "color=blue,black,brown"),
                Arguments.of(ParameterLocation.COOKIE, ParameterStyle.FORM, true, "ü", "color=%C3%BC"));
    }

    @ParameterizedTest(name = "{0} {1} explode={2} {3}")
    @MethodSource("parameterStyles")
    void deliversEveryParameterStyleAsSerialised(ParameterLocation in, ParameterStyle style, boolean explode,
                                                 Object value, String expected) throws Exception {
        var parameter = new ParameterBinding("color", in, "color", style, explode, false, ValueShape.PRIMITIVE,
                in == ParameterLocation.PATH);
        String path = in == ParameterLocation.PATH ? "/items/{color}" : "/items";
        var received = roundTrip(Bindings.get(path, parameter), Map.of("color", value));
        String arrived = switch (in) {
            case PATH -> received.rawPath();
            case QUERY -> received.rawQuery();
            case HEADER -> String.join("|", received.header("color"));
            case COOKIE -> String.join("|", received.header("cookie"));
        };
        assertEquals(expected, arrived);
        assertEquals("GET", received.method());
    }

    @Test
    void deliversTheCollisionCaseToThreeLocations() throws Exception {
        var binding = Bindings.withBody("PUT", "/carts/{cartId}/lines", BodyBinding.properties("application/json",
                        List.of(BodyProperty.of("cartId", "cartId", ValueShape.PRIMITIVE),
                                BodyProperty.of("qty", "qty", ValueShape.PRIMITIVE)), true),
                ParameterBinding.of("cartId__path", ParameterLocation.PATH, "cartId", ValueShape.PRIMITIVE, true),
                ParameterBinding.of("cartId__query", ParameterLocation.QUERY, "cartId", ValueShape.PRIMITIVE, false));
        var received = roundTrip(binding, Map.of("cartId__path", "c/1", "cartId__query", "q 2", "cartId", "b3",
                "qty", 1));
        assertEquals("PUT", received.method());
        assertEquals("/v1/carts/c%2F1/lines", received.rawPath());
        assertEquals("cartId=q%202", received.rawQuery());
        assertEquals("{\"cartId\":\"b3\",\"qty\":1}", received.bodyText());
        assertEquals(List.of("application/json"), received.header("content-type"));
    }

    @Test
    void deliversAJsonPatchArrayWithItsContentType() throws Exception {
        var patch = Bindings.withBody("PATCH", "/pets/1", BodyBinding.whole("application/json-patch+json", "ops", true));
        var op = new LinkedHashMap<String, Object>();
        op.put("op", "remove");
        op.put("path", "/tag");
        var received = roundTrip(patch, Map.of("ops", List.of(op)));
        assertEquals("[{\"op\":\"remove\",\"path\":\"/tag\"}]", received.bodyText());
        assertEquals(List.of("application/json-patch+json"), received.header("content-type"));
        assertEquals("PATCH", received.method());
    }

    @Test
    void deliversANestedFormBody() throws Exception {
        var binding = Bindings.withBody("POST", "/charges", BodyBinding.properties("application/x-www-form-urlencoded",
                List.of(BodyProperty.of("card", "card", ValueShape.OBJECT),
                        new BodyProperty("expand", "expand", ValueShape.ARRAY, false,
                                new PartEncoding(null, ParameterStyle.DEEP_OBJECT, true, false))), true));
        var received = roundTrip(binding, Map.of("card", Map.of("address", Map.of("city", "Köln")),
                "expand", List.of("a", "b")));
        assertEquals("card%5Baddress%5D%5Bcity%5D=K%C3%B6ln&expand%5B%5D=a&expand%5B%5D=b", received.bodyText());
        assertEquals(List.of("application/x-www-form-urlencoded"), received.header("content-type"));
    }

    @Test
    void deliversAMultipartUploadWhoseBoundaryMatchesTheContentType() throws Exception {
        var binding = Bindings.withBody("POST", "/upload", BodyBinding.properties("multipart/form-data",
                List.of(BodyProperty.of("title", "title", ValueShape.PRIMITIVE), BodyProperty.file("file", "file")),
                true));
        byte[] bytes = {0, 1, 2, (byte) 0xFF};
        var args = new LinkedHashMap<String, Object>();
        args.put("title", "t");
        args.put("file", Map.of("content", Base64.getEncoder().encodeToString(bytes), "filename", "a.bin"));
        var received = roundTrip(binding, args);
        String contentType = received.header("content-type").getFirst();
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, expected, 0, head.length);
        System.arraycopy(bytes, 0, expected, head.length, bytes.length);
        System.arraycopy(tail, 0, expected, head.length + bytes.length, tail.length);
        assertArrayEquals(expected, received.body());
    }

    @Test
    void deliversTextAndOctetStreamBodies() throws Exception {
        var text = Bindings.withBody("PUT", "/notes", BodyBinding.whole("text/plain", "text", true));
        assertEquals("line 1\nline 2", roundTrip(text, Map.of("text", "line 1\nline 2")).bodyText());
        var binary = Bindings.withBody("PUT", "/blob", BodyBinding.whole("application/octet-stream", "data", true));
        var received = roundTrip(binary, Map.of("data", "AAH/"));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xFF}, received.body());
        assertEquals(List.of("application/octet-stream"), received.header("content-type"));
    }

    @Test
    void deliversConstantsAndMapsTheEchoedJsonBackToStructuredContent() throws Exception {
        var binding = new HttpBinding("GET", ServerBinding.of("http://unused.invalid"), "/status", List.of(),
                Optional.empty(), List.of(new ConstantParameter(ParameterLocation.QUERY, "api-version", "2024-10-21"),
                new ConstantParameter(ParameterLocation.HEADER, "X-Api-Version", "2")), List.of(),
                ResponseBinding.defaults());
        CallToolResult result = binding.toResult(send(binding.buildRequest(Map.of(), target)));
        assertEquals(false, result.isError());
        @SuppressWarnings("unchecked")
        Map<String, Object> echoed = (Map<String, Object>) result.structuredContent();
        assertEquals("api-version=2024-10-21", echoed.get("query"));
        assertEquals(List.of("2"), ((Map<?, ?>) echoed.get("headers")).get("x-api-version"));
        assertEquals(echoed, MAPPER.readValue(((TextContent) result.content().getFirst()).text(), Map.class));
    }

    @Test
    void mapsRealErrorImageAndEmptyResponses() throws Exception {
        echo.respond("/v1/limited", 429, Map.of("Retry-After", "7", "Content-Type", "application/problem+json"),
                "{\"title\":\"Too many\",\"detail\":\"quota\"}".getBytes(StandardCharsets.UTF_8));
        echo.respond("/v1/image", 200, Map.of("Content-Type", "image/png"), new byte[] {1, 2, 3});
        echo.respond("/v1/empty", 204, Map.of(), new byte[0]);
        echo.respond("/v1/moved", 302, Map.of("Location", "/v1/elsewhere"), new byte[0]);
        CallToolResult limited = call("/limited");
        assertEquals(true, limited.isError());
        assertEquals("HTTP 429 Too Many Requests: Too many\nDetail: quota\nRetry after 7 seconds.\n"
                + "Response body: {\"title\":\"Too many\",\"detail\":\"quota\"}",
                ((TextContent) limited.content().getFirst()).text());
        assertEquals(List.of(new ImageContent(null, "AQID", "image/png")), call("/image").content());
        assertEquals(new CallToolResult(List.of(), false, null, null), call("/empty"));
        CallToolResult moved = call("/moved");
        assertTrue(((TextContent) moved.content().getFirst()).text().startsWith("HTTP 302 Found: the API redirected to /v1/elsewhere."));
    }

    private static CallToolResult call(String path) throws Exception {
        var binding = Bindings.get(path);
        return binding.toResult(send(binding.buildRequest(Map.of(), target)));
    }
}
