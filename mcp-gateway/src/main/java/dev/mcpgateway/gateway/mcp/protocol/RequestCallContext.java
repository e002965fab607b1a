package dev.mcpgateway.gateway.mcp.protocol;

import dev.mcpgateway.gateway.catalog.CallContext;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The {@link CallContext} of one {@code tools/call}: its cancellation flag and its progress channel. */
final class RequestCallContext implements CallContext {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Object progressToken;
    private final Consumer<JSONRPCNotification> notifications;
    private final Optional<Caller> caller;

    RequestCallContext(Object progressToken, Consumer<JSONRPCNotification> notifications, Optional<Caller> caller) {
        this.progressToken = progressToken;
        this.notifications = notifications;
        this.caller = caller;
    }

    void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void progress(double progress, Double total, String message) {
        // The spec forbids progress after cancellation and without a token.
        if (progressToken == null || cancelled.get()) {
            return;
        }
        notifications.accept(new JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                McpSchema.METHOD_NOTIFICATION_PROGRESS,
                new ProgressNotification(progressToken, progress, total, message)));
    }

    @Override
    public Optional<Caller> caller() {
        return caller;
    }
}
