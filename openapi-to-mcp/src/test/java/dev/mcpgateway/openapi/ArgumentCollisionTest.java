package dev.mcpgateway.openapi;

import static dev.mcpgateway.openapi.http.ParameterLocation.HEADER;
import static dev.mcpgateway.openapi.http.ParameterLocation.PATH;
import static dev.mcpgateway.openapi.http.ParameterLocation.QUERY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.openapi.http.BodyBinding;
import dev.mcpgateway.openapi.http.BodyProperty;
import dev.mcpgateway.openapi.http.ParameterBinding;
import dev.mcpgateway.openapi.http.ParameterStyle;
import dev.mcpgateway.openapi.http.ValueShape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hard case 2: the same name in path, query and body; header names compare case-insensitively. */
class ArgumentCollisionTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: carts, version: '1'}
            paths:
              /carts/{cartId}/lines:
                parameters:
                  - {name: X-Request-Id, in: header, schema: {type: integer}}
                put:
                  operationId: putCartLine
                  parameters:
                    - {name: cartId, in: path, required: true, description: the cart, schema: {type: string}}
                    - {name: cartId, in: query, description: cart to merge from, schema: {type: string}}
                    - {name: x-request-id, in: header, schema: {type: string, format: uuid}}
                    - {name: Accept, in: header, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [cartId, qty, itemId]
                          properties:
                            cartId: {type: string}
                            qty: {type: integer, minimum: 1}
                            itemId: {type: string}
                  responses: {'204': {description: updated}}
            """;

    @Test
    void keepsEveryArgumentUnderItsOwnNameWithTheBodyPropertyKeepingThePlainName() {
        ToolDefinition tool = Imports.only(Imports.yaml(SPEC));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "cartId__path": {"type": "string", "description": "the cart"},
                    "cartId__query": {"type": "string", "description": "cart to merge from"},
                    "x-request-id": {"type": "string", "format": "uuid"},
                    "cartId": {"type": "string"},
                    "qty": {"type": "integer", "minimum": 1},
                    "itemId": {"type": "string"}
                  },
                  "required": ["cartId__path", "cartId", "qty", "itemId"]
                }""", tool.tool().inputSchema());
    }

    @Test
    void bindsEachArgumentBackToItsOwnLocationAndWireName() {
        ToolDefinition tool = Imports.only(Imports.yaml(SPEC));
        assertEquals(List.of(
                new ParameterBinding("cartId__path", PATH, "cartId", ParameterStyle.SIMPLE, false, false,
                        ValueShape.PRIMITIVE, true),
                new ParameterBinding("cartId__query", QUERY, "cartId", ParameterStyle.FORM, true, false,
                        ValueShape.PRIMITIVE, false),
                new ParameterBinding("x-request-id", HEADER, "x-request-id", ParameterStyle.SIMPLE, false, false,
                        ValueShape.PRIMITIVE, false)), tool.binding().parameters());
        assertEquals(Optional.of(BodyBinding.properties("application/json", List.of(
                BodyProperty.of("cartId", "cartId", ValueShape.PRIMITIVE),
                BodyProperty.of("qty", "qty", ValueShape.PRIMITIVE),
                BodyProperty.of("itemId", "itemId", ValueShape.PRIMITIVE)), true)), tool.binding().body());
    }

    @Test
    void suffixesEveryParameterWhenPathAndQueryCollideWithoutABody() {
        ToolDefinition tool = Imports.only(Imports.yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                        - {name: id, in: query, schema: {type: integer}}
                        - {name: id, in: cookie, schema: {type: string}}
                        - {name: $filter, in: query, schema: {type: string}}
                      responses: {'200': {description: ok}}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "id__path": {"type": "string"},
                    "id__query": {"type": "integer"},
                    "id__cookie": {"type": "string"},
                    "_filter": {"type": "string"}
                  },
                  "required": ["id__path"]
                }""", tool.tool().inputSchema());
        assertEquals("$filter", tool.binding().parameters().get(2).wireName());
        assertEquals("_filter", tool.binding().parameters().get(2).argument());
    }
}
