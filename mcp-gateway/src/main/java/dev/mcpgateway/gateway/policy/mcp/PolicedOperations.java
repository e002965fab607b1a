package dev.mcpgateway.gateway.policy.mcp;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.OperationRunner;
import dev.mcpgateway.gateway.catalog.ServedOperation;
import dev.mcpgateway.gateway.execution.ApiBackend;
import dev.mcpgateway.gateway.execution.ToolExecutor;
import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyScope;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.xml.Section;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Tool calls under their policies: the effective policy of the server (API) and tool (operation) runs inbound and
 * backend before the backend is called (again, when a {@code <retry>} asks), outbound after with the status of the
 * answer kept; a refusal runs on-error, which may answer in its place.
 * Tool calls already run on virtual threads, so steps that wait on Redis need no hand-off here.
 */
@Singleton
public final class PolicedOperations implements OperationRunner {

    private final PolicyEngine engine;
    private final ToolExecutor executor;

    public PolicedOperations(PolicyEngine engine, ToolExecutor executor) {
        this.engine = engine;
        this.executor = executor;
    }

    @Override
    public McpSchema.CallToolResult run(String server, ServedOperation operation, ApiBackend backend,
                                        Map<String, Object> arguments, CallContext context) {
        String tool = operation.tool().name();
        EffectivePolicy policy = engine.effective(Surface.MCP, new PolicyScope(null, server, tool));
        if (policy.isEmpty()) {
            return executor.execute(operation.operation().codec(), backend, arguments, context);
        }
        PolicyCall call = new PolicyCall(new ToolCallFacts(server, tool, context));
        McpSchema.CallToolResult result = null;
        try {
            Decision decision = policy.run(Section.INBOUND, call);
            if (decision instanceof Decision.Continue) {
                decision = policy.run(Section.BACKEND, call);
            }
            if (decision instanceof Decision.Continue) {
                ToolCallAttempts.Sent sent = ToolCallAttempts.send(executor, operation.operation().codec(), backend,
                        arguments, context, call);
                decision = sent.decision();
                if (sent.answer() != null) {
                    result = sent.answer().result();
                    decision = policy.run(Section.OUTBOUND, call);
                }
            }
            result = switch (policy.handled(decision, call)) {
                case Decision.Continue proceed -> result;
                case Decision.Respond respond -> ToolCallAnswers.responded(respond.response());
                case Decision.Refuse refuse -> ToolCallAnswers.refused(refuse.refusal());
            };
            return result;
        } finally {
            call.complete(new CallOutcome(call.responseStatusCode() == null ? 500 : call.responseStatusCode(), 0,
                    result == null ? 0 : size(result), 0));
        }
    }

    /** The bytes of the result's text: what the backend's answer costs a bandwidth quota. */
    private static long size(McpSchema.CallToolResult result) {
        long bytes = 0;
        for (McpSchema.Content content : result.content()) {
            if (content instanceof McpSchema.TextContent text) {
                bytes += text.text().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }
}
