package dev.mcpgateway.openapi.http;

/** One header line; a plan may hold several with the same name, in order. */
public record HttpHeader(String name, String value) {

    public HttpHeader {
        ParameterBinding.requireText(name, "name");
        java.util.Objects.requireNonNull(value, "value");
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header " + name + " value must not contain CR or LF");
        }
    }
}
