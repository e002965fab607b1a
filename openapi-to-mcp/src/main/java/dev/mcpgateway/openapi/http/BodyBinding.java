package dev.mcpgateway.openapi.http;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the request body is built.
 *
 * @param mediaType     the media type to send, exactly as the Content-Type (parameters such as charset kept; for
 *                      multipart the boundary is added at send time). Supported: application/json, any
 *                      {@code +json} type (json-patch, merge-patch, vendor types), application/x-www-form-urlencoded,
 *                      multipart/form-data (and other multipart/*), text/*, application/xml and {@code +xml} (sent as
 *                      the string given), application/octet-stream and any other type (sent as base64-decoded bytes)
 * @param shape         PROPERTIES or WHOLE
 * @param wholeArgument WHOLE only: the argument holding the body; null for PROPERTIES
 * @param properties    PROPERTIES only: the argument to property pairs, in schema order; empty for WHOLE
 * @param required      {@code requestBody.required}: when false and no body argument is given, no body is sent
 * @param maxFileBytes  upper bound on one decoded file or binary body, refused beyond it
 * @param fixedProperties body properties the gateway sets on every call (the discriminator of a tool made for one
 *                      request body variant), never arguments; they make the body present. Insertion order kept
 */
public record BodyBinding(String mediaType, BodyShape shape, String wholeArgument, List<BodyProperty> properties,
                          boolean required, long maxFileBytes, Map<String, String> fixedProperties) {

    /** 10 MiB: larger uploads do not belong in a model's tool call. */
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    public BodyBinding {
        ParameterBinding.requireText(mediaType, "mediaType");
        Objects.requireNonNull(shape, "shape");
        properties = List.copyOf(properties);
        if (shape == BodyShape.WHOLE) {
            ParameterBinding.requireText(wholeArgument, "wholeArgument");
            if (!properties.isEmpty()) {
                throw new IllegalArgumentException("a WHOLE body has no properties");
            }
        } else if (wholeArgument != null) {
            throw new IllegalArgumentException("a PROPERTIES body has no wholeArgument");
        }
        MediaKind kind = MediaKind.of(essenceOf(mediaType));
        if (shape == BodyShape.PROPERTIES && (kind == MediaKind.TEXT || kind == MediaKind.BINARY)) {
            throw new IllegalArgumentException("a " + mediaType + " body cannot be assembled from properties");
        }
        var seen = new HashSet<String>();
        for (BodyProperty property : properties) {
            if (!seen.add(property.argument())) {
                throw new IllegalArgumentException("argument " + property.argument() + " is bound twice");
            }
        }
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
        fixedProperties = Collections.unmodifiableMap(new LinkedHashMap<>(fixedProperties));
        for (BodyProperty property : properties) {
            if (fixedProperties.containsKey(property.property())) {
                throw new IllegalArgumentException("body property " + property.property() + " is both fixed and an argument");
            }
        }
        if (!fixedProperties.isEmpty() && kind != MediaKind.JSON && kind != MediaKind.FORM
                && kind != MediaKind.MULTIPART) {
            throw new IllegalArgumentException("a " + mediaType + " body has no properties to fix");
        }
    }

    /** This binding with body properties the gateway sets itself. */
    public BodyBinding withFixedProperties(Map<String, String> fixed) {
        return new BodyBinding(mediaType, shape, wholeArgument, properties, required, maxFileBytes, fixed);
    }

    /** A body assembled from properties. */
    public static BodyBinding properties(String mediaType, List<BodyProperty> properties, boolean required) {
        return new BodyBinding(mediaType, BodyShape.PROPERTIES, null, properties, required, DEFAULT_MAX_FILE_BYTES,
                Map.of());
    }

    /** A body held whole by one argument. */
    public static BodyBinding whole(String mediaType, String argument, boolean required) {
        return new BodyBinding(mediaType, BodyShape.WHOLE, argument, List.of(), required, DEFAULT_MAX_FILE_BYTES,
                Map.of());
    }

    MediaKind kind() {
        return MediaKind.of(essenceOf(mediaType));
    }

    /** The media type without parameters, lower case (e.g. {@code application/merge-patch+json}). */
    public String essence() {
        return essenceOf(mediaType);
    }

    private static String essenceOf(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
