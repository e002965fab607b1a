package dev.mcpgateway.gateway.policy.mcp;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.OperationRunner;
import dev.mcpgateway.gateway.catalog.ServedOperation;
import dev.mcpgateway.gateway.execution.ApiBackend;
import dev.mcpgateway.gateway.execution.RequestChanges;
import dev.mcpgateway.gateway.execution.ToolExecutor;
import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyScope;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.openapi.http.BackendTarget;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Tool calls under their policies: the effective policy of the server (API) and tool (operation) runs inbound and
 * backend before the backend is called, outbound after; a refusal runs on-error, which may answer in its place.
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
            if (decision instanceof Decision.Continue && call.backendId() != null && call.backendUrl() == null) {
                decision = new Decision.Refuse(Refusal.of(500, "backend_not_supported", "The backend pool '"
                        + call.backendId() + "' serves model calls only; tool calls need a backend with a URL."));
            }
            if (decision instanceof Decision.Continue) {
                result = executor.execute(operation.operation().codec(), chosen(backend, call), arguments, context,
                        new RequestChanges(call.requestHeaders(), call.requestQueryParameters()));
                call.responseStatus(Boolean.TRUE.equals(result.isError()) ? 502 : 200);
                decision = policy.run(Section.OUTBOUND, call);
            }
            result = switch (decision) {
                case Decision.Continue proceed -> result;
                case Decision.Respond respond -> ToolCallAnswers.responded(respond.response());
                case Decision.Refuse refuse -> onError(policy, call, refuse);
            };
            return result;
        } finally {
            call.complete(new CallOutcome(call.responseStatusCode() == null ? 500 : call.responseStatusCode(), 0,
                    result == null ? 0 : size(result), 0));
        }
    }

    /** The API's backend, sent elsewhere or given another timeout by the backend section. */
    private static ApiBackend chosen(ApiBackend backend, PolicyCall call) {
        if (call.backendUrl() == null && call.forwardTimeout() == null) {
            return backend;
        }
        BackendTarget target = call.backendUrl() == null ? backend.target()
                : new BackendTarget(Optional.of(call.backendUrl()), backend.target().serverVariables());
        return new ApiBackend(target, backend.credential(),
                call.forwardTimeout() == null ? backend.timeout() : call.forwardTimeout(), backend.maxResponseBytes());
    }

    /** A refusal, unless the on-error section answers in its place. */
    private static McpSchema.CallToolResult onError(EffectivePolicy policy, PolicyCall call, Decision.Refuse refuse) {
        call.responseStatus(refuse.refusal().status());
        Decision handled = policy.run(Section.ON_ERROR, call);
        return handled instanceof Decision.Respond respond ? ToolCallAnswers.responded(respond.response())
                : ToolCallAnswers.refused(refuse.refusal());
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
