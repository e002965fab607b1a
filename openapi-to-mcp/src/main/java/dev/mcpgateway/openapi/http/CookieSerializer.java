package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serialises cookie parameters (form style) into {@code name=value} cookie pairs. Values are percent-encoded so
 * that no ';', ',', space or quote can split or end the Cookie header.
 */
final class CookieSerializer {

    private CookieSerializer() {
    }

    static void pairs(String name, boolean explode, JsonNode value, List<String> out) {
        String n = PercentEncoder.STRICT.encode(name);
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(PercentEncoder.STRICT.encode(JsonValues.text(item))));
            if (explode) {
                items.forEach(item -> out.add(n + "=" + item));
            } else {
                out.add(n + "=" + String.join(",", items));
            }
        } else if (value.isObject()) {
            List<String> flat = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String k = PercentEncoder.STRICT.encode(field.getKey());
                String v = PercentEncoder.STRICT.encode(JsonValues.text(field.getValue()));
                if (explode) {
                    out.add(k + "=" + v);
                } else {
                    flat.add(k);
                    flat.add(v);
                }
            }
            if (!explode) {
                out.add(n + "=" + String.join(",", flat));
            }
        } else {
            out.add(n + "=" + PercentEncoder.STRICT.encode(JsonValues.text(value)));
        }
    }
}
