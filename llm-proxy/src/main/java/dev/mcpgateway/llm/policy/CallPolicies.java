package dev.mcpgateway.llm.policy;

import dev.mcpgateway.llm.retry.RetryDecision;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The policies one call runs, from its inbound policies to its completion. Used by one call, on one thread at a
 * time; {@link #complete} is called exactly once for every call whose inbound policies ran, refused or not. Between
 * them, the backend policies run once before the call goes to its pool, and may retry the call ({@link #retry}).
 */
public interface CallPolicies {

    CallPolicies NONE = new CallPolicies() {
        @Override
        public boolean mayBlock() {
            return false;
        }

        @Override
        public InboundDecision inbound() {
            return InboundDecision.PROCEED;
        }

        @Override
        public InboundDecision backend() {
            return InboundDecision.PROCEED;
        }

        @Override
        public RetryDecision retry(int status, int attempt) {
            return RetryDecision.stop();
        }

        @Override
        public InboundDecision again() {
            return InboundDecision.PROCEED;
        }

        @Override
        public InboundDecision outbound(int status, UnaryOperator<String> headers) {
            return InboundDecision.PROCEED;
        }

        @Override
        public String backendId() {
            return null;
        }

        @Override
        public Duration forwardTimeout() {
            return null;
        }

        @Override
        public Map<String, List<String>> requestHeaders() {
            return Map.of();
        }

        @Override
        public Map<String, List<String>> responseHeaders() {
            return Map.of();
        }

        @Override
        public Map<String, String> metricLabels() {
            return Map.of();
        }

        @Override
        public void complete(int status, long tokens) {
            // nothing held, nothing to settle
        }
    };

    /** Whether a policy may wait on the network (a Redis counter): then the call runs them on a virtual thread. */
    boolean mayBlock();

    /** Runs the inbound policies: go on to the cache and the backend, refuse the call, or answer it now. */
    InboundDecision inbound();

    /** Runs the backend policies, when the call goes to the backend: go on, refuse it, or answer it now. */
    InboundDecision backend();

    /**
     * After the {@code attempt}-th answer of the pool (1-based), before anything of it reaches the caller: whether the
     * policies send the call again, and after how long. {@code status} is the answer's, or that of the error the caller
     * would get when no backend answered (502, 503 when every backend is tripped, 504).
     */
    RetryDecision retry(int status, int attempt);

    /** Before a retried attempt: the retry's policies run again; a refusal or an answer ends the call with it. */
    InboundDecision again();

    /**
     * The backend or pool the policies sent the call to ({@code set-backend-service backend-id}), or null for the one
     * its route gives. Read before each attempt: a retry's policies may choose another.
     */
    String backendId();

    /**
     * Runs the outbound policies once the backend's answer is known and before anything of it reaches the caller
     * (for a stream: before its first byte): go on with the answer, or replace it with a refusal or an answer of the
     * policies' own.
     *
     * @param status  the answer's status
     * @param headers the answer's headers by name, values joined with {@code ","}; null when absent
     */
    InboundDecision outbound(int status, UnaryOperator<String> headers);

    /** Headers the policies set on the request to the backend, by name as written; an empty list removes one. */
    Map<String, List<String>> requestHeaders();

    /** The time the policies give the backend ({@code forward-request timeout}), or null for the backend's own. */
    Duration forwardTimeout();

    /**
     * Headers the policies add to the caller's response, by name as written; an empty list removes the header. Read
     * when the response starts (a stream's headers cannot wait for its end) and again after {@link #complete}.
     */
    Map<String, List<String>> responseHeaders();

    /**
     * Values the policies give the call's token metrics ({@code llm-emit-token-metric}), by label name: a built-in
     * label ({@code user}, {@code client_ip}...) takes the value, any other name is a custom dimension.
     */
    Map<String, String> metricLabels();

    /**
     * The call ended: the status the caller got and the tokens it consumed (prompt and completion, reported or
     * estimated; 0 when the backend was not reached). Policies settle what they reserved here.
     */
    void complete(int status, long tokens);
}
