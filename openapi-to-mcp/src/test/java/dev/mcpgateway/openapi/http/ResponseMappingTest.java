package dev.mcpgateway.openapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of backend response as the exact tool result the model receives. */
class ResponseMappingTest {

    private static final ResponseMapperHarness PLAIN = new ResponseMapperHarness(ResponseBinding.defaults());
    private static final ResponseMapperHarness WRAPPING = new ResponseMapperHarness(ResponseBinding.wrappingArrays());

    record ResponseMapperHarness(ResponseBinding binding) {
        CallToolResult map(int status, String contentType, String body, String... headers) {
            return map(status, contentType, body.getBytes(StandardCharsets.UTF_8), false, headers);
        }

        CallToolResult map(int status, String contentType, byte[] body, boolean truncated, String... headers) {
            var map = new java.util.HashMap<String, List<String>>();
            if (contentType != null) {
                map.put("content-type", List.of(contentType));
            }
            for (int i = 0; i < headers.length; i += 2) {
                map.put(headers[i], List.of(headers[i + 1]));
            }
            var binding = Bindings.get("/x");
            var withResponse = new HttpBinding(binding.method(), binding.server(), binding.pathTemplate(),
                    binding.parameters(), binding.body(), binding.constants(), binding.security(), this.binding);
            return withResponse.toResult(new HttpResponseData(status, map, body, truncated));
        }
    }

    @Test
    void mapsAJsonObjectToStructuredContentAndACompactTextCopy() {
        var result = PLAIN.map(200, "application/json; charset=utf-8", "{ \"id\": 1, \"name\": \"Rex\" }");
        assertEquals(new CallToolResult(List.of(new TextContent("{\"id\":1,\"name\":\"Rex\"}")), false,
                Map.of("id", 1, "name", "Rex"), null), result);
    }

    @Test
    void wrapsATopLevelArrayWhenTheOutputSchemaDoes() {
        var result = WRAPPING.map(200, "application/json", "[{\"id\":1},{\"id\":2}]");
        assertEquals(new CallToolResult(List.of(new TextContent("[{\"id\":1},{\"id\":2}]")), false,
                Map.of("result", List.of(Map.of("id", 1), Map.of("id", 2))), null), result);
    }

    @Test
    void leavesATopLevelArrayAsTextOnlyWhenTheOutputSchemaDoesNotWrap() {
        var result = PLAIN.map(200, "application/json", "[1,2]");
        assertEquals(new CallToolResult(List.of(new TextContent("[1,2]")), false, null, null), result);
    }

    @Test
    void returnsTextForTextResponsesAndForJsonThatDoesNotParse() {
        assertEquals(new CallToolResult(List.of(new TextContent("hello")), false, null, null),
                PLAIN.map(200, "text/plain", "hello"));
        assertEquals(new CallToolResult(List.of(new TextContent("{oops")), false, null, null),
                PLAIN.map(200, "application/json", "{oops"));
    }

    @Test
    void sniffsJsonTextAndBinaryWhenTheContentTypeIsMissing() {
        assertEquals(new CallToolResult(List.of(new TextContent("{\"a\":1}")), false, Map.of("a", 1), null),
                PLAIN.map(200, null, "{\"a\": 1}"));
        assertEquals(new CallToolResult(List.of(new TextContent("plain words")), false, null, null),
                PLAIN.map(200, null, "plain words"));
        assertEquals(List.of(new TextContent("The API answered 1 byte of application/octet-stream, attached as a resource."),
                new EmbeddedResource(null, new BlobResourceContents("response://body", "application/octet-stream",
                        "/w=="))), PLAIN.map(200, null, new byte[] {(byte) 0xFF}, false).content());
    }

    @Test
    void returnsImagesAsImageContent() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        var result = PLAIN.map(200, "image/png", png, false);
        assertEquals(new CallToolResult(List.of(new ImageContent(null, Base64.getEncoder().encodeToString(png),
                "image/png")), false, null, null), result);
    }

    @Test
    void returnsOtherBinaryAsAnEmbeddedBlobNamedInText() {
        byte[] pdf = {'%', 'P', 'D', 'F'};
        var result = PLAIN.map(200, "application/pdf", pdf, false);
        assertEquals(new CallToolResult(List.of(new TextContent("The API answered 4 bytes of application/pdf, attached as a resource."),
                new EmbeddedResource(null, new BlobResourceContents("response://body", "application/pdf",
                        "JVBERg=="))), false, null, null), result);
    }

    @Test
    void returnsAnEmptySuccessFor204() {
        assertEquals(new CallToolResult(List.of(), false, null, null), PLAIN.map(204, null, ""));
    }

    @Test
    void answersAnEmptySuccessBodyOfAToolWithAnOutputSchemaAsAnErrorTheModelCanRead() {
        var structured = new ResponseMapperHarness(new ResponseBinding(ResponseBinding.DEFAULT_ACCEPT, true, false,
                ResponseBinding.DEFAULT_MAX_RESPONSE_BYTES, ResponseBinding.DEFAULT_MAX_ERROR_EXCERPT));
        assertEquals(new CallToolResult(List.of(new TextContent("The API answered 200 with an empty body; this tool's "
                + "output schema expects a JSON object, so there is no result to return.")), true, null, null),
                structured.map(200, "application/json", ""));
    }

    @Test
    void surfacesProblemDetailsWithStatusForErrors() {
        var result = PLAIN.map(422, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Invalid pet\",\"detail\":\"name is too long\"}");
        assertEquals(new CallToolResult(List.of(new TextContent("HTTP 422 Unprocessable Content: Invalid pet\n"
                + "Detail: name is too long\n"
                + "Response body: {\"type\":\"about:blank\",\"title\":\"Invalid pet\",\"detail\":\"name is too long\"}")),
                true, null, null), result);
    }

    @Test
    void boundsTheExcerptOfALargeErrorBody() {
        var small = new ResponseMapperHarness(new ResponseBinding(ResponseBinding.DEFAULT_ACCEPT, false, false, 1000, 10));
        var result = small.map(500, "text/html", "<html>" + "x".repeat(50) + "</html>");
        assertEquals(List.of(new TextContent("HTTP 500 Internal Server Error\nResponse body: <html>xxxx... [53 more characters]")),
                result.content());
        assertEquals(true, result.isError());
    }

    @Test
    void givesTheRetryHintOfA429() {
        var result = PLAIN.map(429, "text/plain", "slow down", "Retry-After", "30");
        assertEquals(new CallToolResult(List.of(new TextContent(
                "HTTP 429 Too Many Requests\nRetry after 30 seconds.\nResponse body: slow down")), true, null, null),
                result);
    }

    @Test
    void reportsARedirectWithoutFollowingIt() {
        var result = PLAIN.map(302, null, "", "Location", "https://login.example.com/");
        assertEquals(new CallToolResult(List.of(new TextContent("HTTP 302 Found: the API redirected to "
                + "https://login.example.com/. Redirects are not followed; call the target operation instead.")),
                true, null, null), result);
    }

    @Test
    void flagsAndCutsABodyOverTheCap() {
        var small = new ResponseMapperHarness(new ResponseBinding(ResponseBinding.DEFAULT_ACCEPT, false, false, 5, 100));
        var result = small.map(200, "text/plain", "abcdefgh".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(new CallToolResult(List.of(new TextContent("abcde"),
                new TextContent("[response truncated after 5 bytes]")), false, null,
                Map.of("dev.mcpgateway/truncated", true)), result);
    }

    @Test
    void doesNotPretendATruncatedJsonBodyIsStructured() {
        var result = PLAIN.map(200, "application/json", "{\"a\":[1,2".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(new CallToolResult(List.of(new TextContent("{\"a\":[1,2"),
                new TextContent("[response truncated after 9 bytes]")), false, null,
                Map.of("dev.mcpgateway/truncated", true)), result);
    }

    @Test
    void dropsATruncatedImageAndSaysSo() {
        var result = PLAIN.map(200, "image/jpeg", new byte[] {1, 2, 3}, true);
        assertEquals(List.of(new TextContent("[the image/jpeg response exceeded the size limit of 3 bytes and was "
                + "not returned]")), result.content());
    }
}
