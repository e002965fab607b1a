package dev.mcpgateway.llm.relay;

import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A backend's SSE body as a publisher of the chunks the connection reads, with back-pressure: the connection reads
 * only while the subscriber has demand, so a slow caller slows the backend down and nothing is buffered whole.
 * Everything runs on the connection's event loop (calls from elsewhere hop onto it). A stream that makes no progress
 * for the idle timeout while the caller is waiting for it, or that nobody subscribes to, is abandoned.
 */
final class UpstreamStream implements Publisher<byte[]>, Subscription {

    private final EventLoop loop;
    private final Exchange exchange;
    private final long idleNanos;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private Subscriber<? super byte[]> subscriber;
    private long demand;
    private boolean ended;
    private Throwable error;
    private boolean terminated;
    private boolean draining;
    private long lastProgress = System.nanoTime();
    private ScheduledFuture<?> idleCheck;

    UpstreamStream(EventLoop loop, Exchange exchange, long idleNanos) {
        this.loop = loop;
        this.exchange = exchange;
        this.idleNanos = idleNanos;
        this.idleCheck = loop.schedule(this::checkIdle, idleNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void subscribe(Subscriber<? super byte[]> s) {
        onLoop(() -> {
            if (subscriber != null) {
                s.onSubscribe(new Subscription() {
                    public void request(long n) {
                    }

                    public void cancel() {
                    }
                });
                s.onError(new IllegalStateException("an upstream stream has one subscriber"));
                return;
            }
            subscriber = s;
            s.onSubscribe(this);
            drain();
        });
    }

    @Override
    public void request(long n) {
        onLoop(() -> {
            if (terminated) {
                return;
            }
            if (n <= 0) {
                cancel();
                subscriber.onError(new IllegalArgumentException("request(" + n + ") violates reactive streams §3.9"));
                return;
            }
            if (demand == 0) {
                lastProgress = System.nanoTime();
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            drain();
            readIfWanted();
        });
    }

    @Override
    public void cancel() {
        onLoop(() -> {
            if (terminated) {
                return;
            }
            terminated = true;
            queue.clear();
            idleCheck.cancel(false);
            if (!ended) {
                exchange.abandon();
            }
        });
    }

    /** A chunk read from the backend (on the loop). */
    void onContent(byte[] bytes) {
        lastProgress = System.nanoTime();
        if (bytes.length > 0 && !terminated) {
            queue.add(bytes);
        }
        drain();
    }

    /** The backend finished the body ({@code failure} null) or the connection failed. */
    void onEnd(Throwable failure) {
        if (ended) {
            return;
        }
        ended = true;
        error = failure;
        idleCheck.cancel(false);
        drain();
    }

    /** The connection finished a read: ask for the next one if the subscriber still wants more. */
    void readIfWanted() {
        if (!ended && !terminated && demand > 0) {
            exchange.read();
        }
    }

    private void drain() {
        if (subscriber == null || draining) {
            return;
        }
        draining = true;
        try {
            while (!terminated && demand > 0 && !queue.isEmpty()) {
                demand--;
                subscriber.onNext(queue.poll());
            }
            if (!terminated && ended && queue.isEmpty()) {
                terminated = true;
                if (error == null) {
                    subscriber.onComplete();
                } else {
                    subscriber.onError(error);
                }
            }
        } finally {
            draining = false;
        }
    }

    private void checkIdle() {
        if (ended || terminated) {
            return;
        }
        long waited = System.nanoTime() - lastProgress;
        // a caller that asks for nothing is slow, not the backend: that is back-pressure, not a stall
        boolean callerBusy = subscriber != null && demand == 0;
        if (callerBusy || waited < idleNanos) {
            idleCheck = loop.schedule(this::checkIdle, callerBusy ? idleNanos : idleNanos - waited, TimeUnit.NANOSECONDS);
            return;
        }
        exchange.abandon();
        onEnd(new TimeoutException("no chunk from the backend within its timeout"));
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }
}
