package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.openapi.http.BodyBinding;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hard case 3: bodies that are not objects become one argument, sent bare. */
class NonObjectBodyTest {

    @Test
    void aStringBodyIsOneRequiredStringArgumentNamedBody() {
        ToolDefinition tool = Imports.only(Imports.yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /notes/{id}:
                    put:
                      operationId: putNote
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      requestBody:
                        required: true
                        description: The note text
                        content:
                          text/plain:
                            schema: {type: string, maxLength: 280}
                      responses: {'204': {description: ok}}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "id": {"type": "string"},
                    "body": {"type": "string", "maxLength": 280, "description": "The note text"}
                  },
                  "required": ["id", "body"]
                }""", tool.tool().inputSchema());
        assertEquals(Optional.of(BodyBinding.whole("text/plain", "body", true)), tool.binding().body());
    }

    @Test
    void anArrayOfObjectsIsOneArrayArgumentNamedFromItsTitleAndOptionalWhenTheBodyIs() {
        ToolDefinition tool = Imports.only(Imports.yaml("""
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /lines:
                    post:
                      operationId: addLines
                      requestBody:
                        content:
                          application/json:
                            schema:
                              title: lines
                              type: array
                              items: {$ref: '#/components/schemas/Line'}
                      responses: {'204': {description: ok}}
                components:
                  schemas:
                    Line:
                      type: object
                      required: [sku]
                      properties:
                        sku: {type: string}
                        qty: {type: [integer, 'null'], default: 1}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "lines": {
                      "title": "lines",
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {"sku": {"type": "string"}, "qty": {"type": ["integer", "null"], "default": 1}},
                        "required": ["sku"]
                      }
                    }
                  }
                }""", tool.tool().inputSchema());
        assertEquals(Optional.of(BodyBinding.whole("application/json", "lines", false)), tool.binding().body());
    }

    @Test
    void aSwagger2BodyParameterKeepsItsParameterName() {
        ToolDefinition tool = Imports.only(Imports.yaml("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                host: api.example.com
                basePath: /v1
                schemes: [https]
                paths:
                  /tags:
                    post:
                      operationId: replaceTags
                      consumes: [application/json]
                      parameters:
                        - in: body
                          name: tags
                          required: true
                          schema:
                            type: array
                            items: {type: string}
                      responses: {'204': {description: ok}}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {"tags": {"type": "array", "items": {"type": "string"}}},
                  "required": ["tags"]
                }""", tool.tool().inputSchema());
        assertEquals(Optional.of(BodyBinding.whole("application/json", "tags", true)), tool.binding().body());
        assertEquals("https://api.example.com/v1", tool.binding().server().urlTemplate());
    }

    @Test
    void aBinaryBodyIsOneFileArgument() {
        ToolDefinition tool = Imports.only(Imports.yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /blobs:
                    post:
                      operationId: uploadBlob
                      requestBody:
                        required: true
                        content:
                          application/octet-stream: {}
                      responses: {'201': {description: ok}}
                """));
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "body": {
                      "description": "The request body (application/octet-stream), base64 encoded.",
                      "anyOf": [
                        {"type": "string", "contentEncoding": "base64"},
                        {"type": "object",
                         "properties": {
                           "content": {"type": "string", "contentEncoding": "base64", "description": "the file's bytes, base64 encoded"},
                           "filename": {"type": "string", "description": "the file name sent to the API"},
                           "contentType": {"type": "string", "description": "the file's media type"}},
                         "required": ["content"]}
                      ]
                    }
                  },
                  "required": ["body"]
                }""", tool.tool().inputSchema());
        assertEquals(Optional.of(BodyBinding.whole("application/octet-stream", "body", true)), tool.binding().body());
    }
}
