package dev.mcpgateway.outbound;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request to one backend over a pooled connection, on the connection's event loop: writes the request, reads
 * the status and headers, then either collects the whole body (capped, within the timeout) or hands over a live
 * {@link ResponseStream} for an event stream. A connection taken from the pool that turns out to be closed before
 * any byte of the answer is replaced once by a fresh one (the backend cannot have seen the request).
 */
final class Exchange {

    /** Methods that carry no body by convention: they get no {@code Content-Length: 0} when they have none. */
    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");

    private enum Phase { CONNECTING, HEAD, BODY, STREAM, DONE }

    private final ConnectionPool pool;
    private final OutboundCall call;
    private final AnswerRules rules;
    final CompletableFuture<OutboundAnswer> result = new Answer();

    private Phase phase = Phase.CONNECTING;
    private Channel channel;
    private boolean reused;
    private boolean keepAlive;
    private ScheduledFuture<?> deadline;
    private int status;
    private Map<String, List<String>> headers;
    private byte[] body;
    private int size;
    private ResponseStream stream;

    Exchange(ConnectionPool pool, OutboundCall call, AnswerRules rules) {
        this.pool = pool;
        this.call = call;
        this.rules = rules;
    }

    /** Starts the exchange; must run on the pool's loop. */
    void start() {
        if (phase == Phase.DONE) {
            return; // cancelled before it started
        }
        deadline = pool.loop().schedule(() -> fail(new OutboundFailure("timeout", null)),
                rules.timeout().toNanos(), TimeUnit.NANOSECONDS);
        pool.acquire(false, this::send);
    }

    private void send(Channel acquired, boolean fromPool, Throwable failure) {
        if (phase == Phase.DONE) {
            if (acquired != null) {
                pool.release(acquired, true);
            }
            return;
        }
        if (failure != null) {
            fail(new OutboundFailure(failure instanceof ConnectException ? "connect" : "io", failure));
            return;
        }
        channel = acquired;
        reused = fromPool;
        phase = Phase.HEAD;
        ExchangeHandler.of(channel).attach(this);
        HttpHeaders requestHeaders = call.headers();
        requestHeaders.set("host", call.origin().hostHeader());
        byte[] requestBody = call.body();
        if (requestBody != null) {
            requestHeaders.set("content-length", requestBody.length);
        } else if (!BODILESS.contains(call.method())) {
            requestHeaders.set("content-length", 0);
        }
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.valueOf(call.method()), call.target(),
                requestBody == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(requestBody), requestHeaders,
                EmptyHttpHeaders.INSTANCE);
        Channel writing = channel;
        writing.writeAndFlush(request).addListener(written -> {
            // a late failure of a connection already replaced is not this exchange's any more
            if (!written.isSuccess() && channel == writing) {
                onFailure(written.cause());
            }
        });
    }

    void onMessage(Object message) {
        if (message instanceof HttpResponse response) {
            if (response.decoderResult().isFailure()) {
                onFailure(response.decoderResult().cause());
                return;
            }
            head(response);
        }
        if (message instanceof HttpContent content && phase != Phase.DONE) {
            if (content.decoderResult().isFailure()) {
                onFailure(content.decoderResult().cause());
                return;
            }
            boolean last = content instanceof LastHttpContent;
            if (phase == Phase.STREAM) {
                stream.onContent(ByteBufUtil.getBytes(content.content()));
                if (last) {
                    end(true);
                    stream.onEnd(null);
                }
            } else if (phase == Phase.BODY) {
                append(content.content());
                if (last && phase == Phase.BODY) {
                    end(true);
                    result.complete(new OutboundAnswer(status, headers,
                            size == body.length ? body : Arrays.copyOf(body, size), false, null));
                }
            }
        }
    }

    private void head(HttpResponse response) {
        if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            return;
        }
        status = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response);
        headers = grouped(response.headers());
        String type = response.headers().get("content-type", "");
        int cap = rules.maxResponseBytes();
        if (rules.eventStreams() && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            phase = Phase.STREAM;
            deadline.cancel(false);
            stream = new ResponseStream(channel.eventLoop(), this, rules.timeout().toNanos());
            result.complete(new OutboundAnswer(status, headers, null, false, stream));
        } else {
            phase = Phase.BODY;
            long length = HttpUtil.getContentLength(response, -1L);
            body = new byte[length >= 0 && length <= cap ? (int) length : Math.min(1024, cap)];
        }
    }

    private void append(ByteBuf content) {
        int n = content.readableBytes();
        int cap = rules.maxResponseBytes();
        if (size + n > cap) {
            if (rules.overCap() == AnswerRules.OverCap.FAIL) {
                fail(new OutboundFailure("too_large", null));
                return;
            }
            // keep what fits, answer now, and drop the connection rather than read the rest
            int take = cap - size;
            byte[] kept = Arrays.copyOf(body, cap);
            content.getBytes(content.readerIndex(), kept, size, take);
            end(false);
            result.complete(new OutboundAnswer(status, headers, kept, true, null));
            return;
        }
        if (size + n > body.length) {
            body = Arrays.copyOf(body, Math.min(cap, Math.max(size + n, body.length * 2)));
        }
        content.getBytes(content.readerIndex(), body, size, n);
        size += n;
    }

    void onFailure(Throwable cause) {
        if (phase == Phase.HEAD && reused) {
            // a pooled connection the backend had already closed: nothing was answered, try once on a new one
            ExchangeHandler.of(channel).detach(this);
            channel.close();
            phase = Phase.CONNECTING;
            pool.acquire(true, this::send);
            return;
        }
        if (phase == Phase.STREAM) {
            end(false);
            stream.onEnd(cause);
            return;
        }
        fail(cause instanceof OutboundFailure f ? f : new OutboundFailure("io", cause));
    }

    /** The stream's subscriber went away, or the stream stalled: the connection cannot be reused. */
    void abandon() {
        end(false);
    }

    /**
     * Stops or resumes reading the backend's stream. Connections read on their own otherwise: asking for each read
     * costs two selector updates per answer, measurable at thousands of calls a second.
     */
    void reading(boolean on) {
        if (phase == Phase.STREAM) {
            channel.config().setAutoRead(on);
        }
    }

    private void fail(OutboundFailure failure) {
        if (phase == Phase.DONE) {
            return;
        }
        end(false);
        result.completeExceptionally(failure);
    }

    private void end(boolean clean) {
        if (phase == Phase.DONE) {
            return;
        }
        phase = Phase.DONE;
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (channel != null) {
            ExchangeHandler.of(channel).detach(this);
            pool.release(channel, clean && keepAlive);
        }
    }

    /** Header names in lower case, values grouped in the order received. */
    private static Map<String, List<String>> grouped(HttpHeaders netty) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : netty) {
            map.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(h.getValue());
        }
        return map;
    }

    /** The exchange's future: cancelling it (a caller gave up) ends the exchange and closes its connection. */
    private final class Answer extends CompletableFuture<OutboundAnswer> {

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                if (pool.loop().inEventLoop()) {
                    end(false);
                } else {
                    pool.loop().execute(() -> end(false));
                }
            }
            return cancelled;
        }
    }
}
