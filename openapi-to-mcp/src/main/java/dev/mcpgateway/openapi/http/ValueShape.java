package dev.mcpgateway.openapi.http;

/**
 * The JSON shape a parameter's schema declares; it decides how style/explode apply. Use PRIMITIVE for scalars and
 * for schemas whose shape cannot be known (unions), ARRAY for {@code type: array}, OBJECT for {@code type: object}.
 */
public enum ValueShape {
    PRIMITIVE, ARRAY, OBJECT
}
