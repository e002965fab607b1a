package dev.mcpgateway.gateway.policy.mcp;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.execution.ApiBackend;
import dev.mcpgateway.gateway.execution.OperationCodec;
import dev.mcpgateway.gateway.execution.RequestChanges;
import dev.mcpgateway.gateway.execution.ToolAnswer;
import dev.mcpgateway.gateway.execution.ToolExecutor;
import dev.mcpgateway.gateway.policy.engine.BackendRetry;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.llm.retry.RetryDecision;
import dev.mcpgateway.openapi.http.BackendTarget;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The backend call of a tool call under its policies: sent as the backend section left it and, while a
 * {@code <retry>} asks, sent again after its wait with the retry's policies run anew before each attempt. Tool calls
 * run on virtual threads, so the wait is a sleep; it ends early when the client cancels the call.
 */
final class ToolCallAttempts {

    private static final Duration CANCEL_POLL = Duration.ofMillis(100);

    private ToolCallAttempts() {
    }

    /**
     * The last answer, with the call's response status set to its status; or, with no answer, why the call ends: a
     * refusal, or an answer the retry's policies gave.
     */
    record Sent(ToolAnswer answer, Decision decision) {
    }

    static Sent send(ToolExecutor executor, OperationCodec codec, ApiBackend backend, Map<String, Object> arguments,
                     CallContext context, PolicyCall call) {
        for (int attempt = 1; ; attempt++) {
            if (call.backendId() != null && call.backendUrl() == null) {
                return new Sent(null, new Decision.Refuse(Refusal.of(500, "backend_not_supported", "The backend"
                        + " pool '" + call.backendId() + "' serves model calls only; tool calls need a backend with a"
                        + " URL.")));
            }
            ToolAnswer answer = executor.call(codec, chosen(backend, call), arguments, context,
                    new RequestChanges(call.requestHeaders(), call.requestQueryParameters()));
            call.responseStatus(answer.status());
            BackendRetry retry = call.retry();
            RetryDecision next = retry == null ? RetryDecision.stop() : retry.after(call, attempt);
            if (!next.retry() || !waited(next.delay(), context)) {
                return new Sent(answer, Decision.CONTINUE);
            }
            Decision again = retry.again(call);
            if (!(again instanceof Decision.Continue)) {
                return new Sent(null, again);
            }
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

    /** Whether the whole delay passed; false when the client cancelled the call (or the thread was interrupted). */
    private static boolean waited(Duration delay, CallContext context) {
        long deadline = System.nanoTime() + delay.toNanos();
        try {
            while (!context.isCancelled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Duration.ofNanos(Math.min(left, CANCEL_POLL.toNanos())));
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
