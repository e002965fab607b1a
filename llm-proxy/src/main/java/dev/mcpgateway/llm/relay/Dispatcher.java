package dev.mcpgateway.llm.relay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.balance.Balancer;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.breaker.CircuitBreaker;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import dev.mcpgateway.llm.retry.RetryDecision;
import dev.mcpgateway.llm.retry.RetryPolicy;
import dev.mcpgateway.llm.route.ProxyRequest;
import jakarta.inject.Singleton;
import dev.mcpgateway.outbound.OutboundFailure;
import dev.mcpgateway.outbound.OutboundLoop;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a request to a pool: the balancer picks a backend the breakers allow, the breaker records the outcome, and
 * on 429, 5xx, a non-JSON answer or no answer the retry policy moves to the next backend. When nothing is left it
 * returns the last upstream answer, or 502/504 if none came, or 503 when every backend is tripped.
 * Asynchronous: each attempt continues when its answer arrives, and a retry delay is a timer on the call's event
 * loop, never a sleeping thread.
 */
@Singleton
public class Dispatcher {

    private static final JsonFactory JSON = new JsonFactory();

    private final BackendRegistry backends;
    private final PoolRegistry pools;
    private final Balancer balancer;
    private final RetryPolicyHolder retry;
    private final UpstreamClient upstream;

    public Dispatcher(BackendRegistry backends, PoolRegistry pools, Balancer balancer, RetryPolicyHolder retry,
                      UpstreamClient upstream) {
        this.backends = backends;
        this.pools = pools;
        this.balancer = balancer;
        this.retry = retry;
        this.upstream = upstream;
    }

    /**
     * Runs {@code next} after {@code delay} on the event loop of the caller's connection (or one of the client's own
     * when there is none): a wait between attempts is a timer, never a sleeping thread.
     */
    public void schedule(Object inbound, Duration delay, Runnable next) {
        upstream.loopFor(inbound).loop().schedule(next, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The pool (or lone backend) a route target names, if it exists. */
    public Optional<Pool> pool(String target) {
        return pools.get(target).or(() -> backends.get(target).map(b -> Pool.of(b.id())));
    }

    /**
     * The answer to relay; fails with an {@link OpenAiErrorException} when no backend answered usably.
     *
     * @param inbound the caller's connection (a Netty channel) whose event loop runs the upstream call, or null
     */
    public CompletableFuture<UpstreamResponse> dispatch(Pool pool, ProxyRequest request, String affinityKey,
                                                        Object inbound) {
        Attempts attempts = new Attempts(pool, request, affinityKey, upstream.loopFor(inbound));
        attempts.next();
        return attempts.result;
    }

    /** The state of one dispatch across its attempts; each step runs when the previous one's answer arrived. */
    private final class Attempts {

        private final Pool pool;
        private final ProxyRequest request;
        private final String affinityKey;
        private final OutboundLoop loop;
        private final RetryPolicy policy = retry.get();
        private final Set<String> tried = new HashSet<>();
        private final CompletableFuture<UpstreamResponse> result = new CompletableFuture<>();
        private UpstreamResponse last;
        private OutboundFailure lastFailure;
        private int attempt;

        Attempts(Pool pool, ProxyRequest request, String affinityKey, OutboundLoop loop) {
            this.pool = pool;
            this.request = request;
            this.affinityKey = affinityKey;
            this.loop = loop;
        }

        void next() {
            try {
                while (true) {
                    Optional<String> chosen = balancer.choose(pool, backends::isAvailable, tried, affinityKey);
                    if (chosen.isEmpty()) {
                        finish();
                        return;
                    }
                    String id = chosen.get();
                    tried.add(id);
                    Optional<Backend> backend = backends.get(id);
                    CircuitBreaker breaker = backends.breaker(id);
                    if (backend.isEmpty() || breaker == null || !breaker.tryAcquire()) {
                        continue;
                    }
                    attempt++;
                    upstream.send(backend.get(), request, BodyForBackend.of(backend.get(), request), loop)
                            .whenComplete((response, failure) -> outcome(backend.get(), breaker, response, failure));
                    return;
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private void outcome(Backend backend, CircuitBreaker breaker, UpstreamResponse response, Throwable failure) {
            try {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (!(cause instanceof OutboundFailure f)) {
                        result.completeExceptionally(cause);
                        return;
                    }
                    breaker.onTransportFailure(f.reason());
                    lastFailure = f;
                } else if (!response.isStream() && !isJson(response.body())) {
                    breaker.onTransportFailure("invalid_response");
                    lastFailure = new OutboundFailure("invalid_response", null);
                } else {
                    if (response.status() == 401) {
                        // a cached token the backend no longer accepts: the next call obtains a new one
                        backend.credential().invalidate();
                    }
                    breaker.onResponse(response.status(), response.retryAfter());
                    if (!RetryPolicy.isRetriableStatus(response.status())) {
                        result.complete(response);
                        return;
                    }
                    if (last != null) {
                        last.release();
                    }
                    last = response;
                }
                RetryDecision decision = policy.decide(attempt, ThreadLocalRandom.current());
                if (!decision.retry()) {
                    finish();
                } else if (decision.delay().isZero()) {
                    next();
                } else {
                    loop.loop().schedule(this::next, decision.delay().toNanos(), TimeUnit.NANOSECONDS);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private void finish() {
            if (last != null) {
                result.complete(last);
            } else if (lastFailure != null) {
                result.completeExceptionally(new OpenAiErrorException(switch (lastFailure.reason()) {
                    case "timeout" -> OpenAiError.timeout("The model backend did not answer in time.");
                    case "invalid_response" -> OpenAiError.badGateway("The model backend returned a response that is not JSON.");
                    case "credential" -> OpenAiError.badGateway("The gateway could not obtain a credential for the model backend.");
                    case "too_large" -> OpenAiError.badGateway("The model backend's response exceeds the proxy's size limit.");
                    default -> OpenAiError.badGateway("The model backend could not be reached.");
                }));
            } else {
                result.completeExceptionally(new OpenAiErrorException(OpenAiError.unavailable(
                        "No backend is available for this deployment: every backend is tripped. Retry later.")));
            }
        }
    }

    private static boolean isJson(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
