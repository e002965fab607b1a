package dev.mcpgateway.llm.route;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.cache.CachedResponse;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import dev.mcpgateway.llm.policy.InboundDecision;
import dev.mcpgateway.llm.relay.UpstreamResponse;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import dev.mcpgateway.llm.usage.AnswerTokens;
import dev.mcpgateway.llm.usage.StreamUsageMeter;
import dev.mcpgateway.llm.usage.Usage;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * The backend half of a call: the answer of the dispatch to the pool, relayed with its accounting: a whole answer
 * completes the call's policies with its {@code usage} (or an estimate when it has none) before it is returned (so
 * tokens-consumed can be a header); a stream completes them when it ends.
 */
final class Relay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Relay() {
    }

    /**
     * The answer when it comes; its handling runs where the accounting may run (the event loop that got the answer,
     * or a virtual thread when settling may wait on Redis). A failed dispatch releases what the call held, and so
     * does an answer the retry's policies gave in place of the backend's.
     */
    static CompletableFuture<MutableHttpResponse<?>> send(CompletableFuture<RetriedDispatch.Outcome> dispatched,
                                                          ProxyRequest request, CallAccounting accounting,
                                                          PromptTokenEstimator estimator, LongSupplier estimate,
                                                          boolean addedUsage, long start) {
        long sent = System.nanoTime();
        return dispatched.handleAsync((outcome, failure) -> {
            try {
                if (failure != null) {
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                }
                if (outcome.answer() != null) {
                    accounting.release(outcome.answer().status());
                    return PolicyAnswers.response(outcome.answer(), accounting.responseHeaders());
                }
                return respond(outcome.upstream(), request, accounting, estimator, estimate, addedUsage, start,
                        sent);
            } catch (RuntimeException e) {
                accounting.failed(e);
                throw e;
            }
        }, accounting.settleOn());
    }

    private static MutableHttpResponse<?> respond(UpstreamResponse upstream, ProxyRequest request,
                                                  CallAccounting accounting, PromptTokenEstimator estimator,
                                                  LongSupplier estimate, boolean addedUsage, long start, long sent) {
        long backendNanos = System.nanoTime() - sent;
        accounting.servedBy(upstream.backendId());
        if (upstream.status() == 429) {
            accounting.metrics().ifPresent(m -> m.providerRateLimited(accounting.dimensions()));
        }
        InboundDecision outbound = accounting.outbound(upstream);
        if (!(outbound instanceof InboundDecision.Proceed)) {
            return replaced(upstream, outbound, request, accounting, estimator, estimate);
        }
        if (upstream.isStream()) {
            // the meter counts deltas only; the prompt estimate is added at the end if the backend reports no usage
            StreamUsageMeter meter = new StreamUsageMeter(estimator, request.deployment(), 0, addedUsage);
            MutableHttpResponse<?> response = ResponseWriter.stream(upstream, StreamRelay.relay(
                    ResponseWriter.chunks(upstream), upstream.status(), meter, estimate, accounting, sent));
            // the headers known before the first byte; what completion adds comes too late for a stream
            PolicyAnswers.addHeaders(accounting.responseHeaders(), response);
            addedLatency(accounting, start, backendNanos);
            return response;
        }
        boolean ok = upstream.status() >= 200 && upstream.status() < 300;
        Optional<Usage> reported = ok ? usage(upstream.body()) : Optional.of(Usage.NONE);
        // an answer without usage is charged an estimate, never 0 (which would let the caller past every limit)
        Usage usage = reported.orElseGet(() -> AnswerTokens.estimate(estimator, request.deployment(), upstream.body(),
                estimate.getAsLong()));
        accounting.finish(upstream.status(), usage, reported.isEmpty(), ok
                ? new CachedResponse(upstream.status(), upstream.contentType(), upstream.body(), true) : null);
        accounting.metrics().ifPresent(m -> m.recordRequestDuration(accounting.dimensions(), Duration.ofNanos(backendNanos)));
        MutableHttpResponse<?> response = ResponseWriter.write(upstream);
        // completed first, so the headers carry what only the end knows (tokens consumed, counts after settling)
        PolicyAnswers.addHeaders(accounting.responseHeaders(), response);
        addedLatency(accounting, start, backendNanos);
        return response;
    }

    /**
     * The outbound policies refused the backend's answer or gave their own: the caller gets theirs. A whole answer
     * is still charged what it consumed; a stream not yet relayed is cancelled and charged nothing more.
     */
    private static MutableHttpResponse<?> replaced(UpstreamResponse upstream, InboundDecision decision,
                                                   ProxyRequest request, CallAccounting accounting,
                                                   PromptTokenEstimator estimator, LongSupplier estimate) {
        int status = decision instanceof InboundDecision.Refuse refused ? refused.status()
                : ((InboundDecision.Respond) decision).status();
        if (upstream.isStream()) {
            upstream.release();
            accounting.release(status);
        } else {
            boolean ok = upstream.status() >= 200 && upstream.status() < 300;
            Optional<Usage> reported = ok ? usage(upstream.body()) : Optional.of(Usage.NONE);
            Usage usage = reported.orElseGet(() -> AnswerTokens.estimate(estimator, request.deployment(),
                    upstream.body(), estimate.getAsLong()));
            accounting.finish(status, usage, reported.isEmpty(), null);
        }
        if (decision instanceof InboundDecision.Refuse refused) {
            throw new OpenAiErrorException(PolicyAnswers.error(refused), refused.headers());
        }
        return PolicyAnswers.response((InboundDecision.Respond) decision, accounting.responseHeaders());
    }

    private static void addedLatency(CallAccounting accounting, long start, long backendNanos) {
        long added = Math.max(0, System.nanoTime() - start - backendNanos);
        accounting.metrics().ifPresent(m -> m.recordAddedLatency(accounting.dimensions(), Duration.ofNanos(added)));
    }

    /** Reads only the top-level {@code usage} object; the rest of the answer is skipped, not built into a tree. */
    private static Optional<Usage> usage(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("usage".equals(name)) {
                    JsonNode usage = parser.readValueAsTree();
                    return Usage.fromJson(usage);
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
