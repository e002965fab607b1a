package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import dev.mcpgateway.llm.policy.CallPolicies;
import dev.mcpgateway.llm.policy.InboundDecision;
import dev.mcpgateway.llm.relay.Dispatcher;
import dev.mcpgateway.llm.relay.UpstreamResponse;
import dev.mcpgateway.llm.retry.RetryDecision;
import io.netty.channel.Channel;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The dispatch of a call whose policies may retry it (APIM's {@code <retry>} around {@code forward-request}). Each
 * attempt is a whole dispatch to a pool, with its own failover and breakers: the route's, or the one the policies
 * chose ({@code set-backend-service}), which a retry's policies may change before the next attempt. After an attempt,
 * before anything of its answer reaches the caller, the policies decide on its status whether to send the call again
 * and when. The wait is a timer on the call's event loop; an answer retried away is released, a stream before its
 * first byte was relayed. However often it is sent, the call stays one call: its policies complete once, with the
 * answer kept.
 */
final class RetriedDispatch {

    /** The answer kept, or the one the retry's policies gave in place of the backend's. */
    record Outcome(UpstreamResponse upstream, InboundDecision.Respond answer) {
    }

    private final Dispatcher dispatcher;
    private final Pool routed;
    private final ProxyRequest request;
    private final String affinityKey;
    private final Object inbound;
    private final CallPolicies policies;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private int attempt;
    /**
     * The latest whole answer a backend gave, held while the call is sent again: should a later attempt reach no
     * backend (every one tripped by the 429 that caused the retry), the caller gets that answer, not the gateway's.
     */
    private UpstreamResponse lastAnswer;

    private RetriedDispatch(Dispatcher dispatcher, Pool routed, ProxyRequest request, String affinityKey,
                            Object inbound, CallPolicies policies) {
        this.dispatcher = dispatcher;
        this.routed = routed;
        this.request = request;
        this.affinityKey = affinityKey;
        this.inbound = inbound;
        this.policies = policies;
    }

    /**
     * The outcome when the last attempt ends; fails with what the dispatch failed with when no backend answered.
     *
     * @param routed  the pool the call's route gives, where it goes unless its policies chose another
     * @param inbound the caller's connection, whose event loop runs the upstream calls and the waits, or null
     */
    static CompletableFuture<Outcome> dispatch(Dispatcher dispatcher, Pool routed, ProxyRequest request,
                                               String affinityKey, Object inbound, CallPolicies policies) {
        RetriedDispatch attempts = new RetriedDispatch(dispatcher, routed, request, affinityKey, inbound, policies);
        attempts.send();
        return attempts.result;
    }

    private void send() {
        attempt++;
        String chosen = policies.backendId();
        Optional<Pool> pool = chosen == null ? Optional.of(routed) : dispatcher.pool(chosen);
        if (pool.isEmpty()) {
            // the backend was there when the policy was compiled; a configuration change removed it since
            fail(new OpenAiErrorException(new OpenAiError(500,
                    "The gateway could not choose a backend for this call.", "api_error", null, "backend_not_found")));
            return;
        }
        dispatcher.dispatch(pool.get(), request, affinityKey, inbound).whenComplete(this::answered);
    }

    private void answered(UpstreamResponse response, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause != null && !(cause instanceof OpenAiErrorException)) {
            fail(cause);
            return;
        }
        int status = response != null ? response.status() : ((OpenAiErrorException) cause).error().status();
        RetryDecision next;
        try {
            next = policies.retry(status, attempt);
        } catch (RuntimeException e) {
            retriedAway(response);
            fail(e);
            return;
        }
        if (!next.retry()) {
            keep(response, cause);
            return;
        }
        hold(response);
        dispatcher.schedule(inbound, next.delay(), this::again);
    }

    /** A whole answer is held in case no later attempt reaches a backend; a stream is cancelled. */
    private void hold(UpstreamResponse response) {
        if (response == null) {
            return;
        }
        if (response.isStream()) {
            retriedAway(response);
            return;
        }
        retriedAway(lastAnswer);
        lastAnswer = response;
    }

    private void fail(Throwable failure) {
        retriedAway(lastAnswer);
        result.completeExceptionally(failure);
    }

    /** An answer never relayed: a stream is cancelled so that its connection is freed. */
    private static void retriedAway(UpstreamResponse response) {
        if (response != null) {
            response.release();
        }
    }

    private void keep(UpstreamResponse response, Throwable failure) {
        if (response != null) {
            retriedAway(lastAnswer);
            result.complete(new Outcome(response, null));
        } else if (lastAnswer != null) {
            result.complete(new Outcome(lastAnswer, null));
        } else {
            result.completeExceptionally(failure);
        }
    }

    /**
     * After the wait: the retry's policies again, then the next attempt unless they decided otherwise. They run here
     * on the event loop: the policies a backend section takes never wait on the network.
     */
    private void again() {
        if (inbound instanceof Channel caller && !caller.isActive()) {
            // the caller went away during the wait: nobody reads another attempt, which would still cost tokens
            fail(new OpenAiErrorException(new OpenAiError(408, "The caller closed the connection during a retry.",
                    "api_error", null, "client_closed")));
            return;
        }
        try {
            switch (policies.again()) {
                case InboundDecision.Proceed proceed -> send();
                case InboundDecision.Respond answer -> {
                    retriedAway(lastAnswer);
                    result.complete(new Outcome(null, answer));
                }
                case InboundDecision.Refuse refused -> fail(
                        new OpenAiErrorException(PolicyAnswers.error(refused), refused.headers()));
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }
}
