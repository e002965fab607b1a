package dev.mcpgateway.gateway.policy.expression;

import dev.mcpgateway.gateway.policy.engine.CallFacts;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Surface;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A call's context held in maps, filled by a test. Header names are case-insensitive, as in HTTP. As the facts of a
 * call (on MCP unless told otherwise), it starts a {@code PolicyCall} (which keeps its own variables and status).
 */
public final class MapContext implements PolicyContext, CallFacts {

    private final Surface surface;
    private final Map<ContextValue, String> values = new EnumMap<>(ContextValue.class);
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, Object> variables = new HashMap<>();
    private Integer status;

    /** The facts of an MCP call. */
    public MapContext() {
        this(Surface.MCP);
    }

    private MapContext(Surface surface) {
        this.surface = surface;
    }

    /** The facts of a call on that surface. */
    public static MapContext on(Surface surface) {
        return new MapContext(surface);
    }

    /** A call with these facts, as the engine starts one. */
    public PolicyCall call() {
        return new PolicyCall(this);
    }

    public MapContext with(ContextValue value, String text) {
        values.put(value, text);
        return this;
    }

    public MapContext header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    public MapContext query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public MapContext variable(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    public MapContext status(int code) {
        status = code;
        return this;
    }

    @Override
    public Integer responseStatusCode() {
        return status;
    }

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public String value(ContextValue value) {
        return values.get(value);
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String queryParameter(String name) {
        return query.get(name);
    }

    @Override
    public Object variable(String name) {
        return variables.get(name);
    }
}
