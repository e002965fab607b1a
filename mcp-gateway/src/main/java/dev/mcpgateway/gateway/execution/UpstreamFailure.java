package dev.mcpgateway.gateway.execution;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * The tool results for calls that never got a usable answer from the backend. The texts are written for the model
 * (what happened, whether retrying may help) and never carry exception messages, URLs with keys, or secrets.
 */
final class UpstreamFailure {

    private UpstreamFailure() {
    }

    static McpSchema.CallToolResult invalidArguments(java.util.List<String> messages) {
        return error("Invalid arguments: " + String.join("; ", messages)
                + ". Fix the arguments and call the tool again.");
    }

    static McpSchema.CallToolResult timedOut(java.time.Duration timeout) {
        return error("The upstream API did not answer within " + timeout.toMillis() + " ms. It may be overloaded; "
                + "try again later.");
    }

    static McpSchema.CallToolResult unreachable() {
        return error("The upstream API could not be reached (connection refused or reset). Try again later.");
    }

    static McpSchema.CallToolResult malformedResponse() {
        return error("The upstream API sent a response that is not valid HTTP or could not be read.");
    }

    static McpSchema.CallToolResult credentialsUnavailable() {
        return error("The gateway could not obtain credentials for the upstream API. Try again later.");
    }

    static McpSchema.CallToolResult internalError() {
        return error("The gateway could not prepare this call (internal error). The administrator can find details "
                + "in the gateway log.");
    }

    static McpSchema.CallToolResult cancelled() {
        return error("The call was cancelled.");
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(true).build();
    }
}
