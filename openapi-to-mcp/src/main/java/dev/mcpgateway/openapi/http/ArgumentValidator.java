package dev.mcpgateway.openapi.http;

import java.util.Map;

/** Validates tool arguments against the tool's inputSchema; compiled once per tool. */
public final class ArgumentValidator {

    private ArgumentValidator() {
    }

    public static ArgumentValidator compile(Map<String, Object> inputSchema) {
        return new ArgumentValidator();
    }

    /** Returns the arguments normalised (JSON-encoded strings for object/array arguments parsed). */
    public Map<String, Object> validate(Map<String, Object> arguments) throws InvalidArgumentsException {
        throw new UnsupportedOperationException("in progress");
    }
}
