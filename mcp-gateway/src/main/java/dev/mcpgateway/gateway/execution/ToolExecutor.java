package dev.mcpgateway.gateway.execution;

import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.ClientCredentialsCredential;
import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.auth.backend.OnBehalfOfCredential;
import dev.mcpgateway.auth.backend.OutboundRequest;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.openapi.http.HttpHeader;
import dev.mcpgateway.openapi.http.HttpRequestPlan;
import dev.mcpgateway.openapi.http.HttpResponseData;
import dev.mcpgateway.openapi.http.InvalidArgumentsException;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call against its backend: arguments to request plan (validated by openapi-to-mcp), credentials
 * added, one pooled HTTP/1.1 exchange bounded in time and size, response to tool result. Whatever the backend
 * does, the caller gets a {@link McpSchema.CallToolResult}; only programming errors escape as exceptions.
 *
 * <p>The request is built from the tool arguments and the API's configuration alone: nothing of the MCP client's
 * own request (its Authorization header, cookies, session) can reach a backend.
 */
public final class ToolExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ToolExecutor.class);
    /** Headers java.net.http manages itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Duration CANCEL_POLL = Duration.ofMillis(100);
    /** A call still waiting after this long reports progress (once per interval) so the client knows it is alive. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final HttpClient client;
    private final UserDelegation delegation;

    public ToolExecutor(Duration connectTimeout) {
        this(connectTimeout, UserDelegation.UNAVAILABLE);
    }

    public ToolExecutor(Duration connectTimeout, UserDelegation delegation) {
        this.delegation = delegation;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // The client's own tasks (parsing a response, feeding the capped body subscriber, completing the
                // future) never block: run them on its selector thread rather than starting a thread for each.
                .executor(Runnable::run)
                .build();
    }

    public McpSchema.CallToolResult execute(OperationCodec codec, ApiBackend backend, Map<String, Object> arguments,
                                            CallContext context) {
        HttpRequestPlan plan;
        try {
            plan = codec.buildRequest(arguments, backend.target());
        } catch (InvalidArgumentsException e) {
            return UpstreamFailure.invalidArguments(e.messages());
        } catch (RuntimeException e) {
            // a defect in request building must fail this call, not the client's session
            LOG.error("request building failed", e);
            return UpstreamFailure.internalError();
        }
        Attempt attempt = attempt(plan, backend, context);
        if (attempt.response() != null && attempt.response().status() == 401
                && backend.credential() instanceof ClientCredentialsCredential cc) {
            // the backend no longer accepts the cached token (revoked, keys rotated): fetch a fresh one, retry once
            cc.tokens().invalidate();
            attempt = attempt(plan, backend, context);
        }
        if (attempt.failure() != null) {
            return attempt.failure();
        }
        HttpResponseData response = attempt.response();
        try {
            return codec.toResult(response);
        } catch (RuntimeException e) {
            LOG.debug("upstream response could not be mapped", e);
            return UpstreamFailure.malformedResponse();
        }
    }

    /** One exchange's outcome: the backend's response, or the result that explains why there is none. */
    private record Attempt(HttpResponseData response, McpSchema.CallToolResult failure) {
    }

    private Attempt attempt(HttpRequestPlan plan, ApiBackend backend, CallContext context) {
        HttpRequest request;
        try {
            request = toHttpRequest(plan, backend, context);
        } catch (CredentialUnavailableException e) {
            LOG.warn("backend credentials unavailable: {}", e.getMessage());
            return new Attempt(null, UpstreamFailure.credentialsUnavailable());
        }
        try {
            return new Attempt(exchange(request, backend, context), null);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new Attempt(null, UpstreamFailure.unreachable());
        } catch (TimeoutException | HttpTimeoutException e) {
            return new Attempt(null, UpstreamFailure.timedOut(backend.timeout()));
        } catch (IOException e) {
            LOG.debug("upstream exchange failed for {} {}", plan.method(), plan.uri().getPath(), e);
            return new Attempt(null, UpstreamFailure.malformedResponse());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, UpstreamFailure.cancelled());
        } catch (CancelledByClient e) {
            return new Attempt(null, UpstreamFailure.cancelled());
        }
    }

    private HttpRequest toHttpRequest(HttpRequestPlan plan, ApiBackend backend, CallContext context)
            throws CredentialUnavailableException {
        List<Map.Entry<String, String>> headers = plan.headers().stream()
                .filter(h -> !RESTRICTED.contains(h.name().toLowerCase(java.util.Locale.ROOT)))
                .map(h -> Map.entry(h.name(), h.value()))
                .toList();
        BackendCredential credential = backend.credential() instanceof OnBehalfOfCredential obo
                ? delegation.forCaller(obo, context.caller()) : backend.credential();
        OutboundRequest outbound = credential.apply(new OutboundRequest(plan.uri(), headers));
        HttpRequest.Builder builder = HttpRequest.newBuilder(outbound.uri()).timeout(backend.timeout());
        outbound.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
        if (plan.body() == null) {
            builder.method(plan.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", plan.contentType());
            builder.method(plan.method(), HttpRequest.BodyPublishers.ofByteArray(plan.body()));
        }
        return builder.build();
    }

    /**
     * One exchange; the deadline covers the body too (the request timeout alone stops at the response headers).
     *
     * <p>The blocking {@code send} runs on a virtual thread of its own and hands its outcome over directly, while this
     * thread watches the deadline, the client's cancellation and the progress clock. Not {@code sendAsync}: the JDK
     * completes the future that {@code sendAsync} returns through a no-op {@code whenCompleteAsync} stage run on
     * {@code ForkJoinPool.commonPool()} (HttpClientImpl keeps callers' dependent actions off its own threads), unless
     * the answer came before {@code sendAsync} returned. With every common-pool worker busy, an answer that has fully
     * arrived is not handed over and the call waits out its whole deadline. On a 2-CPU host that is a single worker
     * (parallelism = CPUs - 1; since JDK 25 CompletableFuture uses the common pool even at parallelism 1), so any
     * code in the process that blocks in the common pool, as a test running a Node client through
     * {@code CompletableFuture.supplyAsync} did, stalled tool calls for 30 s. {@code send} completes from the
     * client's own threads and never touches the common pool.
     */
    private HttpResponseData exchange(HttpRequest request, ApiBackend backend, CallContext context)
            throws IOException, InterruptedException, TimeoutException, CancelledByClient {
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> future = new CompletableFuture<>();
        Thread sender = Thread.ofVirtual().name("tool-call-exchange").start(() -> {
            try {
                future.complete(client.send(request, info -> new CappedBodySubscriber(backend.maxResponseBytes())));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        long started = System.nanoTime();
        long deadline = started + backend.timeout().toNanos();
        long nextProgress = started + PROGRESS_INTERVAL.toNanos();
        try {
            while (true) {
                long now = System.nanoTime();
                long left = deadline - now;
                if (now >= nextProgress) {
                    context.progress((now - started) / 1e9, backend.timeout().toMillis() / 1e3,
                            "waiting for the upstream API");
                    nextProgress = now + PROGRESS_INTERVAL.toNanos();
                }
                if (left <= 0) {
                    throw new TimeoutException();
                }
                if (context.isCancelled()) {
                    throw new CancelledByClient();
                }
                try {
                    HttpResponse<CappedBodySubscriber.Body> response =
                            future.get(Math.min(left, CANCEL_POLL.toNanos()), TimeUnit.NANOSECONDS);
                    return new HttpResponseData(response.statusCode(), response.headers().map(),
                            response.body().bytes(), response.body().truncated());
                } catch (TimeoutException e) {
                    // poll slice elapsed: check the deadline and cancellation again
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("upstream exchange failed", e.getCause());
        } finally {
            if (!future.isDone()) {
                sender.interrupt(); // send() cancels the exchange (closing its connection) when interrupted
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static final class CancelledByClient extends Exception {
        CancelledByClient() {
            super(null, null, false, false);
        }
    }
}
