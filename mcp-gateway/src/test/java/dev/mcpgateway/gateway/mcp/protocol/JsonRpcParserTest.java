package dev.mcpgateway.gateway.mcp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRpcParserTest {

    final JsonRpcParser parser = new JsonRpcParser(new ObjectMapper());

    Incoming parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static int code(Incoming incoming) {
        Object error = assertInstanceOf(Incoming.Invalid.class, incoming).error();
        return error instanceof McpSchema.JSONRPCResponse r ? r.error().code()
                : ((JsonRpcErrors.UnidentifiedError) error).error().code();
    }

    @Test
    void tellsRequestsNotificationsAndResponsesApart() {
        assertInstanceOf(McpSchema.JSONRPCRequest.class,
                ((Incoming.Single) parse("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}")).message());
        assertInstanceOf(McpSchema.JSONRPCNotification.class,
                ((Incoming.Single) parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"}")).message());
        assertInstanceOf(McpSchema.JSONRPCResponse.class,
                ((Incoming.Single) parse("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}")).message());
    }

    @Test
    void malformedJsonIsAParseError() {
        assertEquals(-32700, code(parse("{\"jsonrpc\":")));
        assertEquals(-32700, code(parse("")));
    }

    @Test
    void shapesJsonRpcForbidsAreInvalidRequests() {
        assertEquals(-32600, code(parse("42")));
        assertEquals(-32600, code(parse("[]")));
        assertEquals(-32600, code(parse("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}")));
        assertEquals(-32600, code(parse("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}")));
        assertEquals(-32600, code(parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}")));
        assertEquals(-32600, code(parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}")));
        assertEquals(-32600, code(parse("{\"id\":1,\"method\":\"ping\"}")));
    }

    @Test
    void aBatchKeepsEachItemsOwnVerdict() {
        Incoming.Batch batch = assertInstanceOf(Incoming.Batch.class,
                parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}, 5]"));
        assertInstanceOf(Incoming.Single.class, batch.items().get(0));
        assertEquals(-32600, code(batch.items().get(1)));
    }
}
