package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One call as its policies see it: the surface's facts, and what the policies set along the way (variables, the
 * headers and query parameters for the backend request, the headers for the response, the response status once
 * there is one). As in APIM, the request a policy reads is the request as earlier policies left it: a header set in
 * inbound is what a later expression reads. Used by one call at a time, on one thread at a time.
 */
public final class PolicyCall implements PolicyContext {

    private final CallFacts facts;
    private final boolean countsCalls;
    private Map<String, Object> variables;
    private Map<String, List<String>> requestHeaders;
    private Map<String, List<String>> requestQuery;
    private Map<String, List<String>> responseHeaders;
    private UnaryOperator<String> receivedResponseHeaders;
    private Integer responseStatus;
    private String backendId;
    private URI backendUrl;
    private Duration forwardTimeout;
    private BackendRetry retry;
    private List<Consumer<CallOutcome>> completions;

    public PolicyCall(CallFacts facts) {
        this(facts, true);
    }

    /** @param countsCalls false for a message of an MCP endpoint that is no tool call: limits do not count it */
    public PolicyCall(CallFacts facts, boolean countsCalls) {
        this.facts = facts;
        this.countsCalls = countsCalls;
    }

    /** Whether this call counts against limits and quotas (a tool call, a model call). */
    public boolean countsCalls() {
        return countsCalls;
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

    /** The request header as policies left it: what they set, else the caller's; null when absent or removed. */
    @Override
    public String header(String name) {
        List<String> set = requestHeaders == null ? null : requestHeaders.get(name);
        return set == null ? facts.header(name) : joined(set);
    }

    /** The query parameter as policies left it, like {@link #header}. */
    @Override
    public String queryParameter(String name) {
        List<String> set = requestQuery == null ? null : requestQuery.get(name);
        return set == null ? facts.queryParameter(name) : joined(set);
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
     * Headers policies set on the request to the backend, by name ignoring case (as first written); an empty list
     * removes the header. The surface applies them after its own (credentials last, so a policy cannot replace a
     * backend credential).
     */
    public Map<String, List<String>> requestHeaders() {
        return requestHeaders == null ? Map.of() : requestHeaders;
    }

    public void setRequestHeader(String name, List<String> values) {
        if (requestHeaders == null) {
            requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        }
        requestHeaders.put(name, List.copyOf(values));
    }

    /** Query parameters policies set on the request to the backend, by name; an empty list removes the parameter. */
    public Map<String, List<String>> requestQueryParameters() {
        return requestQuery == null ? Map.of() : requestQuery;
    }

    public void setRequestQueryParameter(String name, List<String> values) {
        if (requestQuery == null) {
            requestQuery = new LinkedHashMap<>();
        }
        requestQuery.put(name, List.copyOf(values));
    }

    /**
     * Headers policies add to the caller's response (remaining calls, consumed tokens), by name ignoring case; an
     * empty list removes the header.
     */
    public Map<String, List<String>> responseHeaders() {
        return responseHeaders == null ? Map.of() : responseHeaders;
    }

    public void setResponseHeader(String name, List<String> values) {
        if (responseHeaders == null) {
            responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        }
        responseHeaders.put(name, List.copyOf(values));
    }

    /**
     * The response header as policies left it: what they set, else the backend's; null when absent or removed. An
     * outbound {@code set-header} that skips or appends reads it.
     */
    public String responseHeader(String name) {
        List<String> set = responseHeaders == null ? null : responseHeaders.get(name);
        if (set != null) {
            return joined(set);
        }
        return receivedResponseHeaders == null ? null : receivedResponseHeaders.apply(name);
    }

    /**
     * The backend's response headers (values joined with {@code ","}, null when absent), given by the surface with
     * the response status, before the outbound policies run.
     */
    public void receivedResponseHeaders(UnaryOperator<String> headers) {
        this.receivedResponseHeaders = headers;
    }

    /** The backend or pool a {@code set-backend-service} chose, or null for the API's own. */
    public String backendId() {
        return backendId;
    }

    /** The base URL the call goes to instead of the API's: a {@code base-url}, or the chosen backend's URL. */
    public URI backendUrl() {
        return backendUrl;
    }

    /**
     * Sends the call to another backend.
     *
     * @param id  the backend or pool resource, null when only a URL was given
     * @param url its URL, null for a pool
     */
    public void backend(String id, URI url) {
        this.backendId = id;
        this.backendUrl = url;
    }

    /** The time {@code forward-request} gives the backend, or null for the backend's own timeout. */
    public Duration forwardTimeout() {
        return forwardTimeout;
    }

    public void forwardTimeout(Duration timeout) {
        this.forwardTimeout = timeout;
    }

    /** The retry of the backend call the backend section asked for, or null to send the call once. */
    public BackendRetry retry() {
        return retry;
    }

    public void retry(BackendRetry retry) {
        this.retry = retry;
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

    /** Runs the completions; from here {@code context.Response.StatusCode} reads the status the caller got. */
    public void complete(CallOutcome outcome) {
        responseStatus = outcome.status();
        if (completions != null) {
            List<Consumer<CallOutcome>> pending = completions;
            completions = null;
            pending.forEach(completion -> completion.accept(outcome));
        }
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
