package dev.mcpgateway.gateway.mcp.session;

import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.protocol.Reply;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers a request with plain JSON unless it sends a notification (progress, a log message) before its result:
 * then the answer becomes an SSE stream carrying the notifications and the result. Most calls stay as cheap as a
 * JSON response; long ones still report as they go.
 */
public final class StreamOnDemand {

    private final ExecutorService executor;
    private final MessageWriter writer;

    public StreamOnDemand(ExecutorService executor, MessageWriter writer) {
        this.executor = executor;
        this.writer = writer;
    }

    /**
     * Runs {@code call} on its own virtual thread and waits for the first of its notification or its result.
     *
     * @param newStream    makes the stream when the answer turns into one
     * @param onClientGone run when the client leaves a stream before its end
     * @param opening      how the stream opens (its first notification follows at once in any case)
     * @param call         runs the request with a notification sink and returns the response message
     */
    public Reply answer(Supplier<EventStream> newStream, Runnable onClientGone, Reply.Opening opening,
                        Function<Consumer<JSONRPCNotification>, Object> call) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        Object lock = new Object();
        EventStream[] stream = new EventStream[1];
        Consumer<JSONRPCNotification> sink = notification -> {
            String data = writer.writeNotification(notification);
            if (data == null) {
                return;
            }
            synchronized (lock) {
                if (stream[0] == null) {
                    stream[0] = newStream.get();
                    reply.complete(new Reply.Stream(stream[0], 0, onClientGone, opening));
                }
                stream[0].send(SseEvent.MESSAGE, data);
            }
        };
        executor.execute(() -> {
            try {
                Object response = call.apply(sink);
                synchronized (lock) {
                    if (stream[0] == null) {
                        reply.complete(new Reply.Json(200, response));
                    } else {
                        stream[0].send(SseEvent.MESSAGE, writer.write(response));
                        stream[0].close();
                    }
                }
            } catch (RuntimeException e) {
                synchronized (lock) {
                    if (stream[0] != null) {
                        stream[0].close();
                    }
                }
                reply.completeExceptionally(e);
            }
        });
        try {
            return reply.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
