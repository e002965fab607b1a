package dev.mcpgateway.llm.policy;

import java.util.List;
import java.util.Map;

/**
 * The policies one call runs, from its inbound policies to its completion. Used by one call, on one thread at a
 * time; {@link #complete} is called exactly once for every call whose inbound policies ran, refused or not.
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

    /** The backend or pool the policies sent the call to ({@code set-backend-service}), or null for the API's. */
    default String backendId() {
        return null;
    }

    /** Headers the policies set on the request to the backend, by name as written; an empty list removes one. */
    default Map<String, List<String>> requestHeaders() {
        return Map.of();
    }

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
