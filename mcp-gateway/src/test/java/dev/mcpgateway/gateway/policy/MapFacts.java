package dev.mcpgateway.gateway.policy;

import dev.mcpgateway.gateway.policy.engine.CallFacts;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A surface's facts about one call, held in maps and filled by a test. Header names ignore case, as in HTTP. */
public final class MapFacts implements CallFacts {

    private final Surface surface;
    private final Map<ContextValue, String> values = new EnumMap<>(ContextValue.class);
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> query = new HashMap<>();

    private MapFacts(Surface surface) {
        this.surface = surface;
    }

    public static MapFacts on(Surface surface) {
        return new MapFacts(surface);
    }

    public MapFacts with(ContextValue value, String text) {
        values.put(value, text);
        return this;
    }

    public MapFacts header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public MapFacts query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public PolicyCall call() {
        return new PolicyCall(this);
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
        return headers.get(name);
    }

    @Override
    public String queryParameter(String name) {
        return query.get(name);
    }
}
