package dev.mcpgateway.openapi.http;

import java.util.Objects;

/**
 * A parameter whose value is pinned by the importer or the gateway admin (e.g. {@code api-version=2024-10-21}) and
 * hidden from the model: it is not in the inputSchema and is sent on every call. The value is already the
 * serialised wire value; it is percent-encoded like any other value of its location.
 */
public record ConstantParameter(ParameterLocation in, String wireName, String value) {

    public ConstantParameter {
        Objects.requireNonNull(in, "in");
        ParameterBinding.requireText(wireName, "wireName");
        Objects.requireNonNull(value, "value");
    }
}
