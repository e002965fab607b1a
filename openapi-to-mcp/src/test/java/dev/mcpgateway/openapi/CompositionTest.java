package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.openapi.http.BodyProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hard case 5: allOf, oneOf with discriminator, anyOf "unset" idiom, nullable in 3.0 and 3.1. */
class CompositionTest {

    private static final String HEADER = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /things:
                post:
                  operationId: createThing
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Thing'}
                  responses: {'204': {description: ok}}
            components:
              schemas:
            """;

    @Test
    void mergesAllOfOfABaseAndExtrasIntoOneObject() {
        ToolDefinition tool = Imports.only(Imports.yaml(HEADER + """
                    Base:
                      type: object
                      required: [id]
                      properties:
                        id: {type: string, readOnly: true}
                        name: {type: string, description: display name}
                    Thing:
                      description: A thing
                      allOf:
                        - $ref: '#/components/schemas/Base'
                        - type: object
                          required: [name, size]
                          properties:
                            size: {type: integer, minimum: 0, exclusiveMinimum: true}
                            name: {type: string, maxLength: 20}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "name": {"allOf": [{"type": "string", "description": "display name"}, {"type": "string", "maxLength": 20}]},
                    "size": {"type": "integer", "exclusiveMinimum": 0}
                  },
                  "required": ["name", "size"]
                }""", tool.tool().inputSchema());
    }

    @Test
    void pinsTheDiscriminatorInEachOneOfVariantAndKeepsTheUnionAsOneArgument() {
        ToolDefinition tool = Imports.only(Imports.yaml(HEADER + """
                    Thing:
                      oneOf:
                        - $ref: '#/components/schemas/Cat'
                        - $ref: '#/components/schemas/Dog'
                      discriminator:
                        propertyName: kind
                        mapping:
                          kitty: '#/components/schemas/Cat'
                    Cat:
                      type: object
                      required: [kind]
                      properties:
                        kind: {type: string}
                        lives: {type: integer}
                    Dog:
                      type: object
                      properties:
                        kind: {type: string}
                        owner:
                          oneOf:
                            - $ref: '#/components/schemas/Person'
                            - $ref: '#/components/schemas/Company'
                          discriminator: {propertyName: type}
                    Person:
                      type: object
                      properties: {type: {type: string}, name: {type: string}}
                    Company:
                      type: object
                      properties: {type: {type: string}, vat: {type: string}}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "body": {
                      "oneOf": [
                        {"type": "object", "properties": {"kind": {"type": "string", "const": "kitty"},
                                                          "lives": {"type": "integer"}}, "required": ["kind"]},
                        {"type": "object", "properties": {
                           "kind": {"type": "string", "const": "Dog"},
                           "owner": {"oneOf": [
                              {"type": "object", "properties": {"type": {"type": "string", "const": "Person"},
                                                                "name": {"type": "string"}}, "required": ["type"]},
                              {"type": "object", "properties": {"type": {"type": "string", "const": "Company"},
                                                                "vat": {"type": "string"}}, "required": ["type"]}]}},
                         "required": ["kind"]}
                      ]
                    }
                  },
                  "required": ["body"]
                }""", tool.tool().inputSchema());
    }

    @Test
    void hoistsTopLevelVariantsIntoArgumentsWithARequiredDiscriminatorWhenAsked() {
        var options = ImportOptions.builder().unionBodies(UnionBodies.HOIST).build();
        ToolDefinition tool = Imports.only(Imports.yaml(HEADER + """
                    Thing:
                      oneOf:
                        - $ref: '#/components/schemas/Cat'
                        - $ref: '#/components/schemas/Dog'
                      discriminator:
                        propertyName: kind
                        mapping: {kitty: '#/components/schemas/Cat'}
                    Cat:
                      type: object
                      required: [kind, name]
                      properties:
                        kind: {type: string}
                        name: {type: string}
                        lives: {type: integer}
                    Dog:
                      type: object
                      required: [kind]
                      properties:
                        kind: {type: string}
                        name: {type: string, maxLength: 10}
                        barks: {type: boolean}
                """, options));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "kind": {"type": "string", "enum": ["kitty", "Dog"],
                             "description": "Which variant the request is; the other arguments depend on it."},
                    "name": {"anyOf": [{"type": "string"}, {"type": "string", "maxLength": 10}]},
                    "lives": {"type": "integer"},
                    "barks": {"type": "boolean"}
                  },
                  "required": ["kind"]
                }""", tool.tool().inputSchema());
        assertEquals(List.of("kind", "name", "lives", "barks"), tool.binding().body().orElseThrow().properties()
                .stream().map(BodyProperty::property).toList());
    }

    @Test
    void keepsTheAnyOfUnsetIdiomAndTurnsNullableIntoTypeArrays() {
        ToolDefinition tool = Imports.only(Imports.yaml(HEADER + """
                    Thing:
                      type: object
                      properties:
                        shipping:
                          anyOf:
                            - type: object
                              properties: {city: {type: string}}
                            - type: string
                              enum: ['']
                        note: {type: string, nullable: true}
                        color: {type: string, enum: [red, blue], nullable: true}
                        owner:
                          nullable: true
                          allOf: [{$ref: '#/components/schemas/Owner'}]
                        limit: {type: number, maximum: 10, exclusiveMaximum: true, example: 5}
                    Owner:
                      type: object
                      properties: {name: {type: string}}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "shipping": {"anyOf": [{"type": "object", "properties": {"city": {"type": "string"}}},
                                           {"type": "string", "enum": [""]}]},
                    "note": {"type": ["string", "null"]},
                    "color": {"type": ["string", "null"], "enum": ["red", "blue", null]},
                    "owner": {"type": ["object", "null"], "properties": {"name": {"type": "string"}}},
                    "limit": {"type": "number", "exclusiveMaximum": 10, "examples": [5]}
                  }
                }""", tool.tool().inputSchema());
    }

    @Test
    void keeps31TypeArraysAndExamplesAsWritten() {
        ToolDefinition tool = Imports.only(Imports.yaml("""
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /things:
                    post:
                      operationId: createThing
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                note: {type: [string, 'null'], examples: [hi]}
                                size: {type: integer, exclusiveMinimum: 0, const: 3}
                      responses: {'204': {description: ok}}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "note": {"type": ["string", "null"], "examples": ["hi"]},
                    "size": {"type": "integer", "exclusiveMinimum": 0, "const": 3}
                  }
                }""", tool.tool().inputSchema());
    }
}
