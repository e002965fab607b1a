package dev.mcpgateway.openapi.http;

import java.util.List;
import java.util.Objects;

/**
 * An OpenAPI server variable.
 *
 * @param defaultValue the value used when the backend target binds none
 * @param allowed      the declared {@code enum}, empty when any value is allowed
 */
public record ServerVariable(String defaultValue, List<String> allowed) {

    public ServerVariable {
        Objects.requireNonNull(defaultValue, "defaultValue");
        allowed = List.copyOf(allowed);
    }

    public static ServerVariable of(String defaultValue) {
        return new ServerVariable(defaultValue, List.of());
    }
}
