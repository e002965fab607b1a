package dev.mcpgateway.openapi.http;

import java.util.Objects;

/**
 * One argument that becomes one property of a {@link BodyShape#PROPERTIES} body.
 *
 * @param argument the property name in the tool's inputSchema (e.g. {@code cartId} or {@code body_cartId})
 * @param property the property name in the body
 * @param shape    the JSON shape of the property's schema
 * @param file     true for a binary property ({@code format: binary}/{@code contentEncoding}, Swagger 2.0
 *                 {@code type: file}): the argument is a file argument, see {@link FileArgument}
 * @param encoding the OpenAPI encoding declared for the property, {@link PartEncoding#defaults()} when none
 */
public record BodyProperty(String argument, String property, ValueShape shape, boolean file, PartEncoding encoding) {

    public BodyProperty {
        ParameterBinding.requireText(argument, "argument");
        ParameterBinding.requireText(property, "property");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(encoding, "encoding");
    }

    public static BodyProperty of(String argument, String property, ValueShape shape) {
        return new BodyProperty(argument, property, shape, false, PartEncoding.defaults());
    }

    public static BodyProperty file(String argument, String property) {
        return new BodyProperty(argument, property, ValueShape.PRIMITIVE, true, PartEncoding.defaults());
    }
}
