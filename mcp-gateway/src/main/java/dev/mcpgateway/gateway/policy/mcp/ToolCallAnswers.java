package dev.mcpgateway.gateway.policy.mcp;

import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * Policy answers in the form a model acts on: a refusal is a tool result with {@code isError: true} whose text says
 * what happened and when to try again, with the same facts in {@code _meta} for clients that read them; a response a
 * policy gives ({@code return-response}) is the tool's result, an error when its status is.
 */
final class ToolCallAnswers {

    /** The {@code _meta} key of the refusal details; namespaced as MCP asks of implementation-defined keys. */
    static final String REFUSAL_META = "dev.mcpgateway/refusal";

    private ToolCallAnswers() {
    }

    static McpSchema.CallToolResult refused(Refusal refusal) {
        String text = refusal.retryAfterSeconds() == null || refusal.message().contains("Try again")
                ? refusal.message()
                : refusal.message() + " Try again in " + refusal.retryAfterSeconds() + " seconds.";
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(true)
                .meta(Map.of(REFUSAL_META, refusal.details())).build();
    }

    static McpSchema.CallToolResult responded(PolicyResponse response) {
        return McpSchema.CallToolResult.builder().addTextContent(response.body()).isError(response.status() >= 400)
                .build();
    }
}
