package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.llm.retry.RetryDecision;

/**
 * A retry of the backend call, asked for by the backend section ({@code <retry>}): the engine decides, the surface
 * sends. After each attempt the surface sets the answer's status on the call ({@link PolicyCall#responseStatus}) and
 * asks {@link #after}; on a retry it waits the delay (never holding an event loop), runs {@link #again} and sends the
 * call anew as the policies then left it. Holds no state of its own, so one may serve many calls.
 */
public interface BackendRetry {

    /** After the {@code attempt}-th answer (1-based): send the call again after the delay, or keep this answer. */
    RetryDecision after(PolicyCall call, int attempt);

    /**
     * Before the next attempt: the retry's policies again, so that a {@code set-backend-service} among them may choose
     * another backend. A decision other than {@link Decision#CONTINUE} ends the call with it.
     */
    Decision again(PolicyCall call);
}
