package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.openapi.http.BodyBinding;
import dev.mcpgateway.openapi.http.BodyProperty;
import dev.mcpgateway.openapi.http.ParameterStyle;
import dev.mcpgateway.openapi.http.PartEncoding;
import dev.mcpgateway.openapi.http.ValueShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hard case 6, import side: media type by preference or override, OpenAPI encoding carried to the binding. */
class BodyMediaTypeTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /charges:
                post:
                  operationId: createCharge
                  requestBody:
                    required: true
                    content:
                      application/x-www-form-urlencoded:
                        schema: {$ref: '#/components/schemas/Charge'}
                        encoding:
                          expand: {style: deepObject, explode: true}
                      application/vnd.acme.charge+json; charset=utf-8:
                        schema: {$ref: '#/components/schemas/Charge'}
                  responses: {'200': {description: ok}}
              /uploads:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [file]
                          properties:
                            meta: {type: object, properties: {kind: {type: string}}}
                            file: {type: string, format: binary}
                        encoding:
                          meta: {contentType: application/json}
                          file: {contentType: 'image/png, image/jpeg'}
                  responses: {'201': {description: ok}}
            components:
              schemas:
                Charge:
                  type: object
                  required: [amount]
                  properties:
                    amount: {type: integer}
                    expand: {type: array, items: {type: string}}
            """;

    @Test
    void prefersVendorJsonOverFormAndKeepsTheExactContentType() {
        ToolDefinition tool = Imports.tool(Imports.yaml(SPEC), "createCharge");
        assertEquals(BodyBinding.properties("application/vnd.acme.charge+json; charset=utf-8", List.of(
                        BodyProperty.of("amount", "amount", ValueShape.PRIMITIVE),
                        BodyProperty.of("expand", "expand", ValueShape.ARRAY)), true),
                tool.binding().body().orElseThrow());
    }

    @Test
    void followsAPerOperationOverrideAndTheDeclaredEncoding() {
        var options = ImportOptions.builder().overrides(Map.of("createCharge",
                OperationOverride.mediaType("application/x-www-form-urlencoded"))).build();
        ToolDefinition tool = Imports.tool(Imports.yaml(SPEC, options), "createCharge");
        assertEquals(BodyBinding.properties("application/x-www-form-urlencoded", List.of(
                        BodyProperty.of("amount", "amount", ValueShape.PRIMITIVE),
                        new BodyProperty("expand", "expand", ValueShape.ARRAY, false,
                                new PartEncoding(null, ParameterStyle.DEEP_OBJECT, true, false))), true),
                tool.binding().body().orElseThrow());
    }

    @Test
    void bindsMultipartPartsWithTheirContentTypesAndFilesAsFileArguments() {
        ToolDefinition tool = Imports.tool(Imports.yaml(SPEC), "upload");
        assertEquals(BodyBinding.properties("multipart/form-data", List.of(
                        new BodyProperty("meta", "meta", ValueShape.OBJECT, false,
                                new PartEncoding("application/json", null, true, false)),
                        new BodyProperty("file", "file", ValueShape.PRIMITIVE, true,
                                new PartEncoding("image/png, image/jpeg", null, true, false))), false),
                tool.binding().body().orElseThrow());
        assertEquals(List.of(), tool.tool().inputSchema().getOrDefault("required", List.of()),
                "an optional body makes its properties optional");
    }
}
