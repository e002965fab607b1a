package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.http.ParameterBinding;
import dev.mcpgateway.openapi.http.ParameterLocation;
import dev.mcpgateway.openapi.http.ParameterStyle;
import dev.mcpgateway.openapi.http.PartEncoding;
import dev.mcpgateway.openapi.http.ValueShape;
import java.util.List;

/**
 * Resolves style and explode the way OpenAPI defines their defaults. A style the spec declares that is not allowed
 * where the parameter travels falls back to the location's default, with a warning, rather than dropping the tool.
 */
final class ParameterBindings {

    private ParameterBindings() {
    }

    static ParameterBinding bind(String argument, SpecParameter p, ValueShape shape, List<String> warnings) {
        ParameterLocation in = p.in();
        JsonNode node = p.node();
        ParameterStyle style = ParameterStyle.defaultFor(in);
        String declared = node.path("style").asText("");
        if (!declared.isEmpty()) {
            try {
                ParameterStyle parsed = ParameterStyle.fromOpenApi(declared);
                if (allowed(parsed, in)) {
                    style = parsed;
                } else {
                    warnings.add("style " + declared + " is not allowed for " + in.name().toLowerCase() + " parameter "
                            + p.name() + "; using " + style.name().toLowerCase());
                }
            } catch (IllegalArgumentException e) {
                warnings.add("unknown style " + declared + " on parameter " + p.name() + "; using the default");
            }
        }
        JsonNode explode = node.get("explode");
        boolean exploded = explode != null && explode.isBoolean() ? explode.asBoolean() : style.defaultExplode();
        boolean allowReserved = in == ParameterLocation.QUERY && node.path("allowReserved").asBoolean(false);
        return new ParameterBinding(argument, in, p.name(), style, exploded, allowReserved, shape, p.required());
    }

    static PartEncoding encoding(JsonNode encoding, List<String> warnings) {
        if (encoding == null || !encoding.isObject() || encoding.isEmpty()) {
            return PartEncoding.defaults();
        }
        String contentType = encoding.path("contentType").asText(null);
        ParameterStyle style = null;
        String declared = encoding.path("style").asText("");
        if (!declared.isEmpty()) {
            try {
                style = ParameterStyle.fromOpenApi(declared);
                if (!allowed(style, ParameterLocation.QUERY)) {
                    warnings.add("encoding style " + declared + " is not allowed in a form body; ignored");
                    style = null;
                }
            } catch (IllegalArgumentException e) {
                warnings.add("unknown encoding style " + declared + "; ignored");
            }
        }
        JsonNode explode = encoding.get("explode");
        boolean exploded = explode != null && explode.isBoolean() ? explode.asBoolean()
                : style == null || style == ParameterStyle.FORM;
        return new PartEncoding(contentType, style, exploded, encoding.path("allowReserved").asBoolean(false));
    }

    private static boolean allowed(ParameterStyle style, ParameterLocation in) {
        return switch (style) {
            case MATRIX, LABEL -> in == ParameterLocation.PATH;
            case SIMPLE -> in == ParameterLocation.PATH || in == ParameterLocation.HEADER;
            case FORM -> in == ParameterLocation.QUERY || in == ParameterLocation.COOKIE;
            case SPACE_DELIMITED, PIPE_DELIMITED, DEEP_OBJECT -> in == ParameterLocation.QUERY;
        };
    }
}
