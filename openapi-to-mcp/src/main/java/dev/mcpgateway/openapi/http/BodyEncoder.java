package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the body arguments into bytes for the binding's media type; null when no body is to be sent. */
final class BodyEncoder {

    private BodyEncoder() {
    }

    /** Arguments a model cannot name (tool argument names never hold NUL): fixed body properties travel as these. */
    private static final String FIXED = "\u0000fixed:";

    static EncodedBody encode(BodyBinding body, ObjectNode args) throws InvalidArgumentsException {
        if (body.shape() == BodyShape.WHOLE) {
            JsonNode value = args.get(body.wholeArgument());
            if (value == null || value.isMissingNode()) {
                return null;
            }
            if (!body.fixedProperties().isEmpty() && value.isObject()) {
                ObjectNode withFixed = ((ObjectNode) value).deepCopy();
                body.fixedProperties().forEach(withFixed::put);
                value = withFixed;
            }
            return whole(body, value);
        }
        if (!body.fixedProperties().isEmpty()) {
            ObjectNode withFixed = args.objectNode();
            withFixed.setAll(args);
            List<BodyProperty> properties = new ArrayList<>(body.properties());
            body.fixedProperties().forEach((property, value) -> {
                withFixed.put(FIXED + property, value);
                properties.add(BodyProperty.of(FIXED + property, property, ValueShape.PRIMITIVE));
            });
            args = withFixed;
            body = new BodyBinding(body.mediaType(), body.shape(), null, properties, true, body.maxFileBytes(),
                    Map.of());
        }
        List<BodyProperty> present = new ArrayList<>();
        for (BodyProperty property : body.properties()) {
            JsonNode value = args.get(property.argument());
            // An explicit null stays (merge-patch uses it to delete); only an absent argument is left out.
            if (value != null && !value.isMissingNode()) {
                present.add(property);
            }
        }
        if (present.isEmpty() && !body.required()) {
            return null;
        }
        return switch (body.kind()) {
            case JSON -> json(body, present, args);
            case FORM -> new EncodedBody(FormEncoder.encode(present, args), body.mediaType());
            case MULTIPART -> MultipartEncoder.encode(body, present, args);
            case TEXT, BINARY -> throw new IllegalStateException("refused by BodyBinding");
        };
    }

    private static EncodedBody whole(BodyBinding body, JsonNode value) throws InvalidArgumentsException {
        return switch (body.kind()) {
            case JSON -> new EncodedBody(JsonValues.json(value).getBytes(StandardCharsets.UTF_8), body.mediaType());
            case TEXT -> new EncodedBody(JsonValues.text(value).getBytes(charset(body.mediaType())), body.mediaType());
            case FORM, MULTIPART -> {
                if (!value.isObject()) {
                    throw InvalidArgumentsException.of(body.wholeArgument(), "must be an object");
                }
                List<BodyProperty> fields = new ArrayList<>();
                value.properties().forEach(f -> fields.add(BodyProperty.of(f.getKey(), f.getKey(), ValueShape.PRIMITIVE)));
                yield body.kind() == MediaKind.FORM
                        ? new EncodedBody(FormEncoder.encode(fields, (ObjectNode) value), body.mediaType())
                        : MultipartEncoder.encode(body, fields, (ObjectNode) value);
            }
            case BINARY -> {
                BinaryArgument file = BinaryArgument.decode(body.wholeArgument(), value, body.maxFileBytes());
                String type = body.mediaType().contains("*")
                        ? (file.contentType() != null ? file.contentType() : "application/octet-stream")
                        : body.mediaType();
                yield new EncodedBody(file.bytes(), type);
            }
        };
    }

    private static EncodedBody json(BodyBinding body, List<BodyProperty> present, ObjectNode args) {
        ObjectNode object = JsonValues.MAPPER.createObjectNode();
        for (BodyProperty property : present) {
            object.set(property.property(), args.get(property.argument()));
        }
        return new EncodedBody(JsonValues.json(object).getBytes(StandardCharsets.UTF_8), body.mediaType());
    }

    static Charset charset(String mediaType) {
        for (String param : mediaType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
