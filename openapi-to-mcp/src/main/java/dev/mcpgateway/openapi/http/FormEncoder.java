package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** application/x-www-form-urlencoded bodies, one property at a time with its declared encoding. */
final class FormEncoder {

    private FormEncoder() {
    }

    static byte[] encode(List<BodyProperty> properties, ObjectNode args) {
        List<String> pairs = new ArrayList<>();
        for (BodyProperty property : properties) {
            JsonNode value = args.get(property.argument());
            if (value == null || value.isNull()) {
                continue;
            }
            PartEncoding encoding = property.encoding();
            boolean explode = encoding.style() == null || encoding.explode();
            QuerySerializer.pairs(property.property(), encoding.style(), explode, value,
                    PercentEncoder.FORM_BODY, PercentEncoder.FORM_BODY, pairs);
        }
        return String.join("&", pairs).getBytes(StandardCharsets.US_ASCII);
    }
}
