package dev.mcpgateway.gateway.execution;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * The tool results for calls that never got a usable answer from the backend. The texts are written for the model
 * (what happened, whether retrying may help) and never carry exception messages, URLs with keys, or secrets.
 */
final class UpstreamFailure {

    /** The client gave up: nginx's "client closed request", below 500 so that no retry condition on errors holds. */
    private static final int CLIENT_CLOSED = 499;

    private UpstreamFailure() {
    }

    static ToolAnswer invalidArguments(List<String> messages) {
        return error(400, "Invalid arguments: " + String.join("; ", messages)
                + ". Fix the arguments and call the tool again.");
    }

    static ToolAnswer timedOut(java.time.Duration timeout) {
        return error(504, "The upstream API did not answer within " + timeout.toMillis() + " ms. It may be overloaded; "
                + "try again later.");
    }

    static ToolAnswer unreachable() {
        return error(502, "The upstream API could not be reached (connection refused or reset). Try again later.");
    }

    static ToolAnswer malformedResponse() {
        return error(502, "The upstream API sent a response that is not valid HTTP or could not be read.");
    }

    static ToolAnswer credentialsUnavailable() {
        return error(502, "The gateway could not obtain credentials for the upstream API. Try again later.");
    }

    static ToolAnswer internalError() {
        return error(500, "The gateway could not prepare this call (internal error). The administrator can find"
                + " details in the gateway log.");
    }

    static ToolAnswer cancelled() {
        return error(CLIENT_CLOSED, "The call was cancelled.");
    }

    private static ToolAnswer error(int status, String text) {
        return new ToolAnswer(McpSchema.CallToolResult.builder().addTextContent(text).isError(true).build(), status);
    }
}
