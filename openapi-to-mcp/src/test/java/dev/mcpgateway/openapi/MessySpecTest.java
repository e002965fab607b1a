package dev.mcpgateway.openapi;

import static dev.mcpgateway.openapi.http.ParameterLocation.HEADER;
import static dev.mcpgateway.openapi.http.ParameterLocation.PATH;
import static dev.mcpgateway.openapi.http.ParameterLocation.QUERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.openapi.http.BodyBinding;
import dev.mcpgateway.openapi.http.BodyProperty;
import dev.mcpgateway.openapi.http.ParameterBinding;
import dev.mcpgateway.openapi.http.ParameterStyle;
import dev.mcpgateway.openapi.http.PartEncoding;
import dev.mcpgateway.openapi.http.ValueShape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real-world untidiness: refs everywhere, content parameters, undeclared placeholders, invalid styles. */
class MessySpecTest {

    @Test
    void followsParameterRequestBodyAndPathItemReferences() {
        ImportResult result = Imports.yaml("""
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /orders/{orderId}:
                    $ref: '#/components/pathItems/Order'
                components:
                  pathItems:
                    Order:
                      parameters: [{$ref: '#/components/parameters/OrderId'}]
                      patch:
                        operationId: patchOrder
                        parameters: [{$ref: '#/components/parameters/Filter'}]
                        requestBody: {$ref: '#/components/requestBodies/OrderPatch'}
                        responses: {'200': {$ref: '#/components/responses/Order'}}
                  parameters:
                    OrderId: {name: orderId, in: path, required: true, schema: {type: integer}}
                    Filter:
                      name: filter
                      in: query
                      content:
                        application/json:
                          schema: {type: object, properties: {state: {type: string}}}
                  requestBodies:
                    OrderPatch:
                      required: true
                      content:
                        application/merge-patch+json:
                          schema: {type: object, properties: {note: {type: string}}}
                  responses:
                    Order:
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, properties: {id: {type: integer}}}
                """);
        ToolDefinition tool = Imports.only(result);
        Imports.assertSchema("""
                {
                  "type": "object",
                  "properties": {
                    "orderId": {"type": "integer"},
                    "filter": {"type": "object", "properties": {"state": {"type": "string"}}},
                    "note": {"type": "string"}
                  },
                  "required": ["orderId"]
                }""", tool.tool().inputSchema());
        Imports.assertSchema("""
                {"type": "object", "properties": {"id": {"type": "integer"}}}""", tool.tool().outputSchema());
        assertEquals("application/merge-patch+json", tool.binding().body().orElseThrow().mediaType());
    }

    @Test
    void reconcilesPathPlaceholdersWithDeclaredParametersAndFallsBackFromDisallowedStyles() {
        ImportResult result = Imports.yaml("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /repos/{owner}/{repo}:
                    get:
                      operationId: getRepo
                      parameters:
                        - {name: owner, in: path, required: true, schema: {type: string}}
                        - {name: ghost, in: path, required: true, schema: {type: string}}
                        - {name: X-Trace, in: header, style: form, schema: {type: array, items: {type: string}}}
                        - {name: ids, in: query, style: pipeDelimited, explode: false, allowReserved: true,
                           schema: {type: array, items: {type: integer}}}
                      responses: {'200': {description: ok}}
                """);
        ToolDefinition tool = Imports.only(result);
        assertEquals(List.of(
                new ParameterBinding("owner", PATH, "owner", ParameterStyle.SIMPLE, false, false, ValueShape.PRIMITIVE, true),
                new ParameterBinding("repo", PATH, "repo", ParameterStyle.SIMPLE, false, false, ValueShape.PRIMITIVE, true),
                new ParameterBinding("ids", QUERY, "ids", ParameterStyle.PIPE_DELIMITED, false, true, ValueShape.ARRAY, false),
                new ParameterBinding("X-Trace", HEADER, "X-Trace", ParameterStyle.SIMPLE, false, false, ValueShape.ARRAY, false)),
                tool.binding().parameters());
        assertEquals(List.of(
                "getRepo: path parameter ghost is not in the path template; ignored",
                "getRepo: path placeholder {repo} has no declared parameter; added as a string",
                "getRepo: style form is not allowed for header parameter X-Trace; using simple"),
                result.warnings().stream().filter(w -> w.startsWith("getRepo")).toList());
    }

    @Test
    void turnsASwagger2FormDataFileIntoAMultipartFileArgument() {
        ImportResult result = Imports.yaml("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths:
                  /pets/{petId}/image:
                    post:
                      operationId: uploadImage
                      consumes: [multipart/form-data]
                      parameters:
                        - {name: petId, in: path, required: true, type: integer}
                        - {name: note, in: formData, type: string}
                        - {name: file, in: formData, required: true, type: file, description: the image}
                      responses: {'200': {description: ok}}
                """);
        ToolDefinition tool = Imports.only(result);
        assertEquals(Optional.of(BodyBinding.properties("multipart/form-data", List.of(
                BodyProperty.of("note", "note", ValueShape.PRIMITIVE),
                new BodyProperty("file", "file", ValueShape.PRIMITIVE, true, PartEncoding.defaults())), true)),
                tool.binding().body());
        var file = Imports.MAPPER.valueToTree(tool.tool().inputSchema()).path("properties").path("file");
        assertEquals("the image", file.path("description").asText());
        assertTrue(file.path("anyOf").get(0).path("contentEncoding").asText().equals("base64"), file::toString);
    }
}
