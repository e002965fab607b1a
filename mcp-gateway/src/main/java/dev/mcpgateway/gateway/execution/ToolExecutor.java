package dev.mcpgateway.gateway.execution;

import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.FetchedTokenCredential;
import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.auth.backend.OnBehalfOfCredential;
import dev.mcpgateway.auth.backend.OutboundRequest;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.openapi.http.HttpRequestPlan;
import dev.mcpgateway.openapi.http.HttpResponseData;
import dev.mcpgateway.openapi.http.InvalidArgumentsException;
import dev.mcpgateway.outbound.AnswerRules;
import dev.mcpgateway.outbound.Origin;
import dev.mcpgateway.outbound.OutboundAnswer;
import dev.mcpgateway.outbound.OutboundCall;
import dev.mcpgateway.outbound.OutboundClient;
import dev.mcpgateway.outbound.OutboundFailure;
import dev.mcpgateway.outbound.OutboundSettings;
import io.modelcontextprotocol.spec.McpSchema;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call against its backend: arguments to request plan (validated by openapi-to-mcp), credentials
 * added, one exchange on the gateway's {@link OutboundClient} (pooled HTTP/1.1, bounded in time and size), response to tool result. Whatever the backend
 * does, the caller gets a {@link McpSchema.CallToolResult}; only programming errors escape as exceptions.
 *
 * <p>The request is built from the tool arguments and the API's configuration alone: nothing of the MCP client's
 * own request (its Authorization header, cookies, session) can reach a backend.
 */
public final class ToolExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ToolExecutor.class);
    /** Headers the client manages itself (Host, Content-Length) or that would change the framing of the exchange. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Duration CANCEL_POLL = Duration.ofMillis(100);
    /** A call still waiting after this long reports progress (once per interval) so the client knows it is alive. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final OutboundClient client;
    private final UserDelegation delegation;

    public ToolExecutor(Duration connectTimeout) {
        this(connectTimeout, UserDelegation.UNAVAILABLE);
    }

    public ToolExecutor(Duration connectTimeout, UserDelegation delegation) {
        this(new OutboundClient(new OutboundSettings(connectTimeout, Optional.empty(), "", "tool-upstream")),
                delegation);
    }

    /** @param client the outbound client; closed with this executor */
    public ToolExecutor(OutboundClient client, UserDelegation delegation) {
        this.client = client;
        this.delegation = delegation;
    }

    public McpSchema.CallToolResult execute(OperationCodec codec, ApiBackend backend, Map<String, Object> arguments,
                                            CallContext context) {
        return call(codec, backend, arguments, context, RequestChanges.NONE).result();
    }

    /**
     * The result with the status it stands for, which the call's policies read.
     *
     * @param changes what the call's policies set on the backend request
     */
    public ToolAnswer call(OperationCodec codec, ApiBackend backend, Map<String, Object> arguments, CallContext context,
                           RequestChanges changes) {
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
        Attempt attempt = attempt(plan, backend, context, changes);
        if (attempt.response() != null && attempt.response().status() == 401
                && backend.credential() instanceof FetchedTokenCredential fetched) {
            // the backend no longer accepts the cached token (revoked, keys rotated): fetch a fresh one, retry once
            fetched.invalidate();
            attempt = attempt(plan, backend, context, changes);
        }
        if (attempt.failure() != null) {
            return attempt.failure();
        }
        HttpResponseData response = attempt.response();
        try {
            return new ToolAnswer(codec.toResult(response), response.status());
        } catch (RuntimeException e) {
            LOG.debug("upstream response could not be mapped", e);
            return UpstreamFailure.malformedResponse();
        }
    }

    /** One exchange's outcome: the backend's response, or the result that explains why there is none. */
    private record Attempt(HttpResponseData response, ToolAnswer failure) {
    }

    private Attempt attempt(HttpRequestPlan plan, ApiBackend backend, CallContext context,
                            RequestChanges changes) {
        OutboundCall call;
        try {
            call = outboundCall(plan, backend, context, changes);
        } catch (CredentialUnavailableException e) {
            LOG.warn("backend credentials unavailable: {}", e.getMessage());
            return new Attempt(null, UpstreamFailure.credentialsUnavailable());
        }
        try {
            return new Attempt(exchange(call, backend, context), null);
        } catch (OutboundFailure e) {
            return switch (e.reason()) {
                case "connect" -> new Attempt(null, UpstreamFailure.unreachable());
                case "timeout" -> new Attempt(null, UpstreamFailure.timedOut(backend.timeout()));
                default -> {
                    LOG.debug("upstream exchange failed for {} {}", plan.method(), plan.uri().getPath(), e);
                    yield new Attempt(null, UpstreamFailure.malformedResponse());
                }
            };
        } catch (TimeoutException e) {
            return new Attempt(null, UpstreamFailure.timedOut(backend.timeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, UpstreamFailure.cancelled());
        } catch (CancelledByClient e) {
            return new Attempt(null, UpstreamFailure.cancelled());
        }
    }

    /** The plan as it goes on the wire, with the API's credential (which may fetch a token: we are not on a loop). */
    private OutboundCall outboundCall(HttpRequestPlan plan, ApiBackend backend, CallContext context,
                                      RequestChanges changes)
            throws CredentialUnavailableException {
        List<Map.Entry<String, String>> headers = plan.headers().stream()
                .filter(h -> !RESTRICTED.contains(h.name().toLowerCase(Locale.ROOT)))
                .map(h -> Map.entry(h.name(), h.value()))
                .toList();
        if (!changes.headers().isEmpty()) {
            headers = withPolicyHeaders(headers, changes.headers());
        }
        BackendCredential credential = backend.credential() instanceof OnBehalfOfCredential obo
                ? delegation.forCaller(obo, context.caller()) : backend.credential();
        URI planned = changes.query().isEmpty() ? plan.uri() : PolicyQuery.apply(plan.uri(), changes.query());
        OutboundRequest outbound = credential.apply(new OutboundRequest(planned, headers));
        HttpHeaders wire = new DefaultHttpHeaders();
        outbound.headers().forEach(h -> wire.add(h.getKey(), h.getValue()));
        if (plan.body() != null) {
            wire.set("Content-Type", plan.contentType());
        }
        URI uri = outbound.uri();
        return new OutboundCall(plan.method(), Origin.of(uri), target(uri), wire, plan.body());
    }

    /** The plan's headers with those the policies set replacing (or, with no values, removing) the same names. */
    private static List<Map.Entry<String, String>> withPolicyHeaders(List<Map.Entry<String, String>> planned,
                                                                     Map<String, List<String>> policyHeaders) {
        List<Map.Entry<String, String>> merged = new ArrayList<>();
        planned.stream().filter(h -> policyHeaders.keySet().stream().noneMatch(h.getKey()::equalsIgnoreCase))
                .forEach(merged::add);
        policyHeaders.forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> merged.add(Map.entry(name, value)));
            }
        });
        return merged;
    }

    /** The request target as java.net.http sent it: the raw path ("/" when empty) and query, non-ASCII escaped. */
    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        return asciiOnly(query == null || query.isEmpty() ? path : path + "?" + query);
    }

    private static String asciiOnly(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) > 0x7e) {
                StringBuilder out = new StringBuilder(target.length() + 16).append(target, 0, i);
                for (byte b : target.substring(i).getBytes(StandardCharsets.UTF_8)) {
                    if (b >= 0x20 && b < 0x7f) {
                        out.append((char) b);
                    } else {
                        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                    }
                }
                return out.toString();
            }
        }
        return target;
    }

    /**
     * One exchange; the deadline covers connect to last body byte. The exchange runs on the client's event loop and
     * completes its future there; this (virtual) thread only watches the deadline, the client's cancellation and the
     * progress clock, and cancels the exchange (closing its connection) when the call is given up. Nothing here
     * goes through {@code ForkJoinPool.commonPool()}: with its workers busy, a call waiting on a future the common
     * pool completes would wait out its whole deadline although the backend had answered (see ToolExecutorTest).
     */
    private HttpResponseData exchange(OutboundCall call, ApiBackend backend, CallContext context)
            throws OutboundFailure, InterruptedException, TimeoutException, CancelledByClient {
        AnswerRules rules = new AnswerRules(backend.timeout(), backend.maxResponseBytes(), AnswerRules.OverCap.TRUNCATE,
                false);
        CompletableFuture<OutboundAnswer> future = client.send(call, rules, client.loopFor(null));
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
                    OutboundAnswer answer = future.get(Math.min(left, CANCEL_POLL.toNanos()), TimeUnit.NANOSECONDS);
                    return new HttpResponseData(answer.status(), answer.headers(), answer.body(), answer.truncated());
                } catch (TimeoutException e) {
                    // poll slice elapsed: check the deadline and cancellation again
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutboundFailure failure) {
                throw failure;
            }
            throw new OutboundFailure("io", e.getCause());
        } finally {
            if (!future.isDone()) {
                future.cancel(false);
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
