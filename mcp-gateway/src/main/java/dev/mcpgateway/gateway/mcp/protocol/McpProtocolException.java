package dev.mcpgateway.gateway.mcp.protocol;

/**
 * A request the protocol layer refuses, carrying the JSON-RPC error it becomes and the HTTP status the transport
 * should use. The message is written for the client: it never contains internal exception text.
 */
public class McpProtocolException extends Exception {

    private final int code;
    private final transient Object data;
    private final int httpStatus;

    public McpProtocolException(int code, String message) {
        this(code, message, null, 200);
    }

    public McpProtocolException(int code, String message, Object data, int httpStatus) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public Object data() {
        return data;
    }

    /** 200 for ordinary JSON-RPC errors inside a session; 4xx where the transport rules demand one. */
    public int httpStatus() {
        return httpStatus;
    }
}
