package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** outputSchema from the 2xx JSON response: objects as is, top-level arrays wrapped, nothing for the rest. */
class OutputSchemaTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /users:
                get:
                  operationId: listUsers
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/User'}}
                post:
                  operationId: createUser
                  responses:
                    '201':
                      description: created
                      content:
                        application/problem+json:
                          schema: {$ref: '#/components/schemas/User'}
                    '400': {description: bad}
              /users/{id}/avatar:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getAvatar
                  responses:
                    '200': {description: png, content: {image/png: {schema: {type: string, format: binary}}}}
                delete:
                  operationId: deleteAvatar
                  responses: {'204': {description: gone}}
              /users/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getUserOrNothing
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}
                    '204': {description: not there yet}
                put:
                  operationId: replaceUser
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}
                    '202': {description: accepted, processed later}
              /count:
                get:
                  operationId: countUsers
                  responses:
                    '200': {description: n, content: {application/json: {schema: {type: integer}}}}
            components:
              schemas:
                User:
                  type: object
                  nullable: true
                  required: [id]
                  properties:
                    id: {type: string, readOnly: true}
                    password: {type: string, writeOnly: true}
            """;

    @Test
    void declaresNoOutputSchemaWhenTheOperationMayAlsoSucceedWithoutABody() {
        // a success without structuredContent is refused by clients when the tool declares an outputSchema
        for (String name : java.util.List.of("getUserOrNothing", "replaceUser")) {
            ToolDefinition tool = Imports.tool(Imports.yaml(SPEC), name);
            assertNull(tool.tool().outputSchema(), name);
            assertEquals(false, tool.binding().response().structuredOutput(), name);
        }
    }

    @Test
    void wrapsATopLevelArrayAsResultAndTellsTheBindingToWrapToo() {
        ToolDefinition tool = Imports.tool(Imports.yaml(SPEC), "listUsers");
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {"result": {"type": "array", "items": {
                    "type": ["object", "null"], "properties": {"id": {"type": "string", "readOnly": true}},
                    "required": ["id"]}}},
                  "required": ["result"]
                }""", tool.tool().outputSchema());
        assertEquals(true, tool.binding().response().wrapTopLevelArray());
    }

    @Test
    void usesAnObjectResponseAsIsWithoutWriteOnlyPropertiesAndWithoutNull() {
        ToolDefinition tool = Imports.tool(Imports.yaml(SPEC), "createUser");
        Imports.assertSchema("""
                {"type": "object", "properties": {"id": {"type": "string", "readOnly": true}}, "required": ["id"]}""",
                tool.tool().outputSchema());
        assertEquals(false, tool.binding().response().wrapTopLevelArray());
    }

    @Test
    void declaresNoOutputSchemaForBinaryEmptyOrScalarResponses() {
        ImportResult result = Imports.yaml(SPEC);
        assertNull(Imports.tool(result, "getAvatar").tool().outputSchema());
        assertNull(Imports.tool(result, "deleteAvatar").tool().outputSchema());
        assertNull(Imports.tool(result, "countUsers").tool().outputSchema());
    }
}
