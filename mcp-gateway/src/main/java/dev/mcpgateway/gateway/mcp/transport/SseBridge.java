package dev.mcpgateway.gateway.mcp.transport;

import dev.mcpgateway.gateway.mcp.protocol.Reply;
import dev.mcpgateway.gateway.mcp.session.SseEvent;
import dev.mcpgateway.gateway.mcp.session.StreamListener;
import io.micronaut.http.sse.Event;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/** Carries an {@link dev.mcpgateway.gateway.mcp.session.EventStream} over one HTTP response as server-sent events. */
final class SseBridge {

    private SseBridge() {
    }

    static Publisher<Event<String>> publisher(Reply.Stream reply) {
        return Flux.create(sink -> {
            AtomicBoolean ended = new AtomicBoolean();
            StreamListener listener = new StreamListener() {
                @Override
                public void onEvent(SseEvent event) {
                    Event<String> sse = Event.of(event.data());
                    if (event.id() != null) {
                        sse.id(event.id());
                    }
                    if (event.name() != null) {
                        sse.name(event.name());
                    }
                    sink.next(sse);
                }

                @Override
                public void onClose() {
                    ended.set(true);
                    sink.complete();
                }
            };
            sink.onCancel(() -> {
                reply.stream().detach(listener);
                if (!ended.get()) {
                    reply.onClientGone().run();
                }
            });
            if (reply.prime()) {
                sink.next(Event.of("").id(reply.stream().positionId(reply.afterSequence())));
            }
            if (!reply.stream().attach(listener, reply.afterSequence())) {
                sink.complete();
            }
        }, FluxSink.OverflowStrategy.BUFFER);
    }
}
