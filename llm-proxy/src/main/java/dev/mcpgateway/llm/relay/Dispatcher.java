package dev.mcpgateway.llm.relay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.backend.Credential;
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
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a request to a pool: the balancer picks a backend the breakers allow, the breaker records the outcome, and
 * on 429, 5xx, a non-JSON answer or no answer the retry policy moves to the next backend. When nothing is left it
 * returns the last upstream answer, or 502/504 if none came, or 503 when every backend is tripped.
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

    /** The pool (or lone backend) a route target names, if it exists. */
    public Optional<Pool> pool(String target) {
        return pools.get(target).or(() -> backends.get(target).map(b -> Pool.of(b.id())));
    }

    public UpstreamResponse dispatch(Pool pool, ProxyRequest request, String affinityKey) {
        RetryPolicy policy = retry.get();
        Set<String> tried = new HashSet<>();
        UpstreamResponse last = null;
        UpstreamFailure lastFailure = null;
        int attempt = 0;
        while (true) {
            Optional<String> chosen = balancer.choose(pool, backends::isAvailable, tried, affinityKey);
            if (chosen.isEmpty()) {
                break;
            }
            String id = chosen.get();
            tried.add(id);
            Optional<Backend> backend = backends.get(id);
            CircuitBreaker breaker = backends.breaker(id);
            if (backend.isEmpty() || breaker == null || !breaker.tryAcquire()) {
                continue;
            }
            attempt++;
            try {
                UpstreamResponse response = upstream.send(backend.get(), request, BodyForBackend.of(backend.get(), request));
                if (!response.isStream() && !isJson(response.body())) {
                    breaker.onTransportFailure("invalid_response");
                    lastFailure = new UpstreamFailure("invalid_response", null);
                } else {
                    if (response.status() == 401 && backend.get().credential() instanceof Credential.ClientCredentials cc) {
                        cc.invalidate();
                    }
                    breaker.onResponse(response.status(), response.retryAfter());
                    if (!RetryPolicy.isRetriableStatus(response.status())) {
                        return response;
                    }
                    release(last);
                    last = response;
                }
            } catch (UpstreamFailure failure) {
                breaker.onTransportFailure(failure.reason());
                lastFailure = failure;
            }
            RetryDecision decision = policy.decide(attempt, ThreadLocalRandom.current());
            if (!decision.retry()) {
                break;
            }
            pause(decision);
        }
        if (last != null) {
            return last;
        }
        if (lastFailure != null) {
            throw new OpenAiErrorException(switch (lastFailure.reason()) {
                case "timeout" -> OpenAiError.timeout("The model backend did not answer in time.");
                case "invalid_response" -> OpenAiError.badGateway("The model backend returned a response that is not JSON.");
                case "credential" -> OpenAiError.badGateway("The gateway could not obtain a credential for the model backend.");
                case "too_large" -> OpenAiError.badGateway("The model backend's response exceeds the proxy's size limit.");
                default -> OpenAiError.badGateway("The model backend could not be reached.");
            });
        }
        throw new OpenAiErrorException(OpenAiError.unavailable(
                "No backend is available for this deployment: every backend is tripped. Retry later."));
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

    /** A retried-away SSE answer is never read: cancel it so the connection is freed. */
    private static void release(UpstreamResponse response) {
        if (response != null && response.isStream()) {
            response.stream().subscribe(new CancellingSubscriber());
        }
    }

    private static void pause(RetryDecision decision) {
        if (decision.delay().isZero()) {
            return;
        }
        try {
            Thread.sleep(decision.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
