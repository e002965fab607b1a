package dev.mcpgateway.openapi;

/**
 * Generates a large, realistic OpenAPI 3.0 document (JSON): per resource a CRUD set of five operations with
 * path, query and header parameters, a shared component schema of ~20 properties, a nested ref, an allOf and an
 * enum, plus a recursive schema, so the import walks every code path at scale.
 */
final class LargeSpecs {

    private LargeSpecs() {
    }

    static String generate(int resources) {
        StringBuilder paths = new StringBuilder();
        StringBuilder schemas = new StringBuilder();
        for (int r = 0; r < resources; r++) {
            String name = "Resource" + r;
            String base = "/tenants/{tenantId}/resource" + r;
            if (r > 0) {
                paths.append(',');
                schemas.append(',');
            }
            paths.append("""
                    "%1$s": {
                      "parameters": [{"name": "tenantId", "in": "path", "required": true, "schema": {"type": "string"}},
                                     {"name": "X-Request-Id", "in": "header", "schema": {"type": "string", "format": "uuid"}}],
                      "get": {"operationId": "list%2$s", "tags": ["group%3$d"], "summary": "List %2$s items",
                        "description": "Returns a page of %2$s items for the tenant, newest first.",
                        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}},
                                       {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                                       {"name": "filter", "in": "query", "style": "deepObject", "explode": true,
                                        "schema": {"type": "object", "properties": {"status": {"type": "string"}, "owner": {"type": "string"}}}}],
                        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/%2$s"}}}}}}},
                      "post": {"operationId": "create%2$s", "tags": ["group%3$d"], "summary": "Create a %2$s",
                        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/%2$s"}}}},
                        "responses": {"201": {"description": "created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/%2$s"}}}}}}
                    },
                    "%1$s/{id}": {
                      "parameters": [{"name": "tenantId", "in": "path", "required": true, "schema": {"type": "string"}},
                                     {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                      "get": {"operationId": "get%2$s", "tags": ["group%3$d"], "summary": "Get a %2$s",
                        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/%2$s"}}}}}},
                      "put": {"operationId": "replace%2$s", "tags": ["group%3$d"], "summary": "Replace a %2$s",
                        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/%2$s"}}}},
                        "responses": {"200": {"description": "ok"}}},
                      "delete": {"operationId": "delete%2$s", "tags": ["group%3$d"], "summary": "Delete a %2$s",
                        "responses": {"204": {"description": "gone"}}}
                    }""".formatted(base, name, r % 50));
            schemas.append("""
                    "%1$s": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "required": ["name"], "properties": {
                      "name": {"type": "string", "maxLength": 120, "description": "Display name of the %1$s."},
                      "status": {"type": "string", "enum": ["draft", "active", "archived"], "default": "draft"},
                      "owner": {"$ref": "#/components/schemas/Owner"},
                      "tree": {"$ref": "#/components/schemas/Node"},
                      "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
                      "size": {"type": "integer", "minimum": 0, "exclusiveMinimum": true},
                      "ratio": {"type": "number", "nullable": true},
                      "a01": {"type": "string"}, "a02": {"type": "string"}, "a03": {"type": "string"},
                      "a04": {"type": "string"}, "a05": {"type": "string"}, "a06": {"type": "string"},
                      "a07": {"type": "integer"}, "a08": {"type": "integer"}, "a09": {"type": "boolean"},
                      "a10": {"type": "string", "format": "date-time"}, "a11": {"type": "string", "format": "email"},
                      "a12": {"type": "object", "additionalProperties": {"type": "string"}}}}]}""".formatted(name));
        }
        return """
                {"openapi": "3.0.3", "info": {"title": "large", "version": "1"},
                 "servers": [{"url": "https://{region}.api.example.com/v1", "variables": {"region": {"default": "eu"}}}],
                 "security": [{"bearer": []}],
                 "paths": {%s},
                 "components": {
                   "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                   "schemas": {%s,
                     "Base": {"type": "object", "properties": {"id": {"type": "string", "readOnly": true},
                       "createdAt": {"type": "string", "format": "date-time", "readOnly": true},
                       "secret": {"type": "string", "writeOnly": true}}},
                     "Owner": {"type": "object", "properties": {"id": {"type": "string"}, "email": {"type": "string"}}},
                     "Node": {"type": "object", "properties": {"label": {"type": "string"},
                       "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}}
                """.formatted(paths, schemas);
    }
}
