package dev.mcpgateway.outbound;

import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A backend's event-stream body as a publisher of the chunks the connection reads, with back-pressure: the connection stops
 * reading once more than {@link #HIGH_WATER} bytes wait for the subscriber and resumes below {@link #LOW_WATER}, so
 * a slow caller slows the backend down and nothing is buffered whole. Everything runs on the connection's event loop
 * (calls from elsewhere hop onto it). A stream that sends nothing for the idle timeout while nothing waits for the
 * caller, or that nobody subscribes to, is abandoned.
 */
final class ResponseStream implements Publisher<byte[]>, Subscription {

    static final int HIGH_WATER = 64 * 1024;
    static final int LOW_WATER = 16 * 1024;

    private final EventLoop loop;
    private final Exchange exchange;
    private final long idleNanos;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private Subscriber<? super byte[]> subscriber;
    private long demand;
    private int queuedBytes;
    private boolean paused;
    private boolean ended;
    private Throwable error;
    private boolean terminated;
    private boolean draining;
    private long lastProgress = System.nanoTime();
    private ScheduledFuture<?> idleCheck;

    ResponseStream(EventLoop loop, Exchange exchange, long idleNanos) {
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
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            drain();
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
            queuedBytes += bytes.length;
        }
        drain();
        if (!paused && !ended && queuedBytes > HIGH_WATER) {
            paused = true;
            exchange.reading(false);
        }
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

    private void drain() {
        if (subscriber == null || draining) {
            return;
        }
        draining = true;
        try {
            while (!terminated && demand > 0 && !queue.isEmpty()) {
                demand--;
                byte[] next = queue.poll();
                queuedBytes -= next.length;
                subscriber.onNext(next);
            }
            if (paused && !ended && !terminated && queuedBytes < LOW_WATER) {
                paused = false;
                lastProgress = System.nanoTime();
                exchange.reading(true);
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
        // chunks the caller has not taken yet mean a slow caller, not a stalled backend: that is back-pressure
        boolean callerBusy = subscriber != null && !queue.isEmpty();
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
