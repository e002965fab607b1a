package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hard case 4: recursive and deep $ref graphs. */
class RecursiveSchemaTest {

    private static final String COMMENTS = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /comments:
                post:
                  operationId: postComment
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Comment'}
                  responses:
                    '201':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Comment'}
            components:
              schemas:
                Comment:
                  type: object
                  required: [text]
                  properties:
                    text: {type: string}
                    author: {$ref: '#/components/schemas/User'}
                    parent: {$ref: '#/components/schemas/Comment'}
                    replies:
                      type: array
                      items: {$ref: '#/components/schemas/Comment'}
                User:
                  type: object
                  properties:
                    name: {type: string}
            """;

    @Nested
    class InDefsMode {
        @Test
        void expandsTheTopLevelOnceAndReferencesTheRecursiveSchemaThroughDefs() {
            ToolDefinition tool = Imports.only(Imports.yaml(COMMENTS));
            Imports.assertSchema("""
                    {
                      "type": "object",
                      "properties": {
                        "text": {"type": "string"},
                        "author": {"type": "object", "properties": {"name": {"type": "string"}}},
                        "parent": {"$ref": "#/$defs/Comment"},
                        "replies": {"type": "array", "items": {"$ref": "#/$defs/Comment"}}
                      },
                      "required": ["text"],
                      "$defs": {
                        "Comment": {
                          "type": "object",
                          "properties": {
                            "text": {"type": "string"},
                            "author": {"type": "object", "properties": {"name": {"type": "string"}}},
                            "parent": {"$ref": "#/$defs/Comment"},
                            "replies": {"type": "array", "items": {"$ref": "#/$defs/Comment"}}
                          },
                          "required": ["text"]
                        }
                      }
                    }""", tool.tool().inputSchema());
            assertEquals(tool.tool().inputSchema(), tool.tool().outputSchema());
        }
    }

    @Nested
    class InInlineMode {
        @Test
        void cutsTheCycleWithADescribedStub() {
            var options = ImportOptions.builder().schemaMode(SchemaMode.INLINE).build();
            ToolDefinition tool = Imports.only(Imports.yaml(COMMENTS, options));
            String stub = """
                    {"type": "object", "description": "Recursive reference to Comment; not expanded further."}""";
            Imports.assertSchema("""
                    {
                      "type": "object",
                      "properties": {
                        "text": {"type": "string"},
                        "author": {"type": "object", "properties": {"name": {"type": "string"}}},
                        "parent": %s,
                        "replies": {"type": "array", "items": %s}
                      },
                      "required": ["text"]
                    }""".formatted(stub, stub), tool.tool().inputSchema());
        }
    }

    @Test
    void followsCyclesThroughAllOfAndItemsWithoutOverflowing() {
        ToolDefinition tool = Imports.only(Imports.yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /schemas:
                    post:
                      operationId: putSchema
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Node'}
                      responses: {'204': {description: ok}}
                components:
                  schemas:
                    Node:
                      allOf:
                        - $ref: '#/components/schemas/Base'
                        - type: object
                          properties:
                            children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    Base:
                      type: object
                      properties:
                        id: {type: string}
                        next: {$ref: '#/components/schemas/Node'}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "id": {"type": "string"},
                    "next": {"$ref": "#/$defs/Node"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}
                  },
                  "$defs": {
                    "Node": {"type": "object", "properties": {
                      "id": {"type": "string"},
                      "next": {"$ref": "#/$defs/Node"},
                      "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}
                  }
                }""", tool.tool().inputSchema());
    }

    @Test
    void capsTheNumberOfSubschemasWithADescribedStubAndAWarning() {
        var options = ImportOptions.builder().maxSubschemas(4).build();
        ImportResult result = Imports.yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /wide:
                    post:
                      operationId: wide
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                a: {type: string}
                                b: {type: string}
                                c: {type: string}
                                d: {type: string}
                                e: {type: string}
                      responses: {'204': {description: ok}}
                """, options);
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"},
                    "d": {"description": "Not expanded: the schema has too many subschemas."},
                    "e": {"description": "Not expanded: the schema has too many subschemas."}
                  }
                }""", Imports.only(result).tool().inputSchema());
        assertTrue(result.warnings().contains("wide: schema has more than 4 subschemas; the rest is accepted unchecked"),
                result.warnings()::toString);
    }

    @Test
    void survivesAVeryDeeplyNestedInlineSchema() {
        String nested = "{\"type\": \"string\"}";
        for (int i = 0; i < 400; i++) {
            nested = "{\"type\": \"object\", \"properties\": {\"x\": " + nested + "}}";
        }
        ImportResult result = Imports.yaml("""
                {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/deep": {"post": {
                  "operationId": "deepInline",
                  "requestBody": {"content": {"application/json": {"schema": %s}}},
                  "responses": {"204": {"description": "ok"}}}}}}
                """.formatted(nested));
        String json = Imports.MAPPER.valueToTree(Imports.only(result).tool().inputSchema()).toString();
        assertTrue(json.contains("Not expanded: nested deeper than 32 levels."), json);
    }

    @Test
    void capsDepthWithADescribedStubAndAWarning() {
        StringBuilder schemas = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            schemas.append("    L").append(i).append(":\n      type: object\n      properties:\n        next: {$ref: '#/components/schemas/L")
                    .append(i + 1).append("'}\n");
        }
        schemas.append("    L60: {type: string}\n");
        ImportResult result = Imports.yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /deep:
                    post:
                      operationId: deep
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/L0'}
                      responses: {'204': {description: ok}}
                components:
                  schemas:
                """ + schemas);
        String json = Imports.MAPPER.valueToTree(Imports.only(result).tool().inputSchema()).toString();
        assertTrue(json.contains("Not expanded: nested deeper than 32 levels."), json);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("deeper than 32")), result.warnings()::toString);
    }
}
