package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serialises one value into encoded {@code name=value} pairs for a query string or a form body, following the
 * OpenAPI style/explode table. Delimiters added here stay literal; the same characters inside values are encoded.
 * A null style means "form body, no encoding declared": arrays repeat the name, objects use bracket notation.
 */
final class QuerySerializer {

    private QuerySerializer() {
    }

    static void pairs(String name, ParameterStyle style, boolean explode, JsonNode value, PercentEncoder valueEnc,
                      PercentEncoder nameEnc, List<String> out) {
        String n = nameEnc.encode(name);
        if (style == ParameterStyle.DEEP_OBJECT || (style == null && value.isObject())) {
            brackets(name, value, valueEnc, nameEnc, out);
            return;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(valueEnc.encode(JsonValues.text(item))));
            if (items.isEmpty()) {
                out.add(n + "=");
            } else if (explode || style == null) {
                items.forEach(item -> out.add(n + "=" + item));
            } else {
                out.add(n + "=" + String.join(delimiter(style), items));
            }
        } else if (value.isObject()) {
            if (explode) {
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    out.add(nameEnc.encode(field.getKey()) + "=" + valueEnc.encode(JsonValues.text(field.getValue())));
                }
            } else {
                List<String> flat = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    flat.add(valueEnc.encode(field.getKey()));
                    flat.add(valueEnc.encode(JsonValues.text(field.getValue())));
                }
                out.add(n + "=" + String.join(delimiter(style), flat));
            }
        } else {
            out.add(n + "=" + valueEnc.encode(JsonValues.text(value)));
        }
    }

    /** {@code filter[status]=open}, {@code card[address][city]=x}, {@code expand[]=a}, {@code items[0][id]=1}. */
    private static void brackets(String prefix, JsonNode value, PercentEncoder valueEnc, PercentEncoder nameEnc,
                                 List<String> out) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                brackets(prefix + "[" + field.getKey() + "]", field.getValue(), valueEnc, nameEnc, out);
            }
        } else if (value.isArray()) {
            int index = 0;
            for (JsonNode item : value) {
                String key = item.isContainerNode() ? prefix + "[" + index + "]" : prefix + "[]";
                brackets(key, item, valueEnc, nameEnc, out);
                index++;
            }
        } else if (!value.isNull()) {
            out.add(nameEnc.encode(prefix) + "=" + valueEnc.encode(JsonValues.text(value)));
        }
    }

    private static String delimiter(ParameterStyle style) {
        return switch (style) {
            case SPACE_DELIMITED -> "%20";
            case PIPE_DELIMITED -> "%7C";
            default -> ",";
        };
    }
}
