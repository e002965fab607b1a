package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * One call as its policies see it: the surface's facts, and what the policies set along the way (variables, the
 * headers for the backend request and for the response, the response status once there is one). Used by one call
 * at a time, on one thread at a time.
 */
public final class PolicyCall implements PolicyContext {

    private final CallFacts facts;
    private Map<String, Object> variables;
    private Map<String, List<String>> requestHeaders;
    private Map<String, List<String>> responseHeaders;
    private Integer responseStatus;
    private String backendId;
    private List<Consumer<CallOutcome>> completions;

    public PolicyCall(CallFacts facts) {
        this.facts = facts;
    }

    public Surface surface() {
        return facts.surface();
    }

    /** What the surface knows about the call, for policies that apply to that surface only (read as its type). */
    public CallFacts facts() {
        return facts;
    }

    @Override
    public String value(ContextValue value) {
        return facts.value(value);
    }

    @Override
    public String header(String name) {
        return facts.header(name);
    }

    @Override
    public String queryParameter(String name) {
        return facts.queryParameter(name);
    }

    @Override
    public Object variable(String name) {
        return variables == null ? null : variables.get(name);
    }

    public void setVariable(String name, Object value) {
        if (variables == null) {
            variables = new HashMap<>();
        }
        variables.put(name, value);
    }

    @Override
    public Integer responseStatusCode() {
        return responseStatus;
    }

    /** The status of the answer the call got (the backend's, or one a policy gave), for the outbound policies. */
    public void responseStatus(int status) {
        this.responseStatus = status;
    }

    /**
     * Headers policies set on the request to the backend, by name as written; an empty list removes the header. The
     * surface applies them after its own (credentials last, so a policy cannot replace a backend credential).
     */
    public Map<String, List<String>> requestHeaders() {
        return requestHeaders == null ? Map.of() : requestHeaders;
    }

    public void setRequestHeader(String name, List<String> values) {
        if (requestHeaders == null) {
            requestHeaders = new LinkedHashMap<>();
        }
        requestHeaders.put(name, List.copyOf(values));
    }

    /** Headers policies add to the caller's response (remaining calls, consumed tokens); empty list removes. */
    public Map<String, List<String>> responseHeaders() {
        return responseHeaders == null ? Map.of() : responseHeaders;
    }

    public void setResponseHeader(String name, List<String> values) {
        if (responseHeaders == null) {
            responseHeaders = new LinkedHashMap<>();
        }
        responseHeaders.put(name, List.copyOf(values));
    }

    /** The backend or pool a {@code set-backend-service} chose, or null for the API's own. */
    public String backendId() {
        return backendId;
    }

    public void backendId(String backendId) {
        this.backendId = backendId;
    }

    /**
     * Leaves work for when the call has its answer (settling a token reservation, counting bandwidth). The surface
     * calls {@link #complete} exactly once for every call whose inbound policies ran, refused or not.
     */
    public void onCompletion(Consumer<CallOutcome> completion) {
        if (completions == null) {
            completions = new ArrayList<>(2);
        }
        completions.add(completion);
    }

    public void complete(CallOutcome outcome) {
        if (completions != null) {
            List<Consumer<CallOutcome>> pending = completions;
            completions = null;
            pending.forEach(completion -> completion.accept(outcome));
        }
    }
}
