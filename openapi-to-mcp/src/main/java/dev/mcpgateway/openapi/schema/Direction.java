package dev.mcpgateway.openapi.schema;

/** Which side of the call a schema describes: readOnly properties leave inputs, writeOnly ones leave outputs. */
public enum Direction {
    INPUT, OUTPUT
}
