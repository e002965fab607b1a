package dev.mcpgateway.gateway.mcp.protocol;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.CallOrigin;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The {@link CallContext} of one {@code tools/call}: its cancellation flag and its progress channel. */
final class RequestCallContext implements CallContext {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Object progressToken;
    private final Consumer<JSONRPCNotification> notifications;
    private final Optional<Caller> caller;
    private final Supplier<LoggingLevel> threshold;
    private final CallOrigin origin;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    RequestCallContext(Object progressToken, Consumer<JSONRPCNotification> notifications, Optional<Caller> caller,
                       Supplier<LoggingLevel> threshold, CallOrigin origin) {
        this.progressToken = progressToken;
        this.notifications = notifications;
        this.caller = caller;
        this.threshold = threshold;
        this.origin = origin;
    }

    @Override
    public void log(LoggingLevel level, String message) {
        LoggingLevel least = threshold.get();
        if (least == null || level == null || level.level() < least.level() || cancelled.get()) {
            return;
        }
        notifications.accept(new JSONRPCNotification(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_NOTIFICATION_MESSAGE,
                new LoggingMessageNotification(level, "tool", message)));
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
        // The spec forbids progress after cancellation and without a token, and wants it increasing: a call its
        // policies retry restarts the executor's clock with each attempt.
        if (progressToken == null || cancelled.get() || progress <= lastProgress) {
            return;
        }
        lastProgress = progress;
        notifications.accept(new JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                McpSchema.METHOD_NOTIFICATION_PROGRESS,
                new ProgressNotification(progressToken, progress, total, message)));
    }

    @Override
    public Optional<Caller> caller() {
        return caller;
    }

    @Override
    public CallOrigin origin() {
        return origin;
    }
}
