package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * multipart/form-data bodies: scalars as plain fields, objects and arrays of objects as application/json parts,
 * arrays of scalars as repeated fields, files as binary parts with a filename.
 */
final class MultipartEncoder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MultipartEncoder() {
    }

    static EncodedBody encode(BodyBinding body, List<BodyProperty> properties, ObjectNode args)
            throws InvalidArgumentsException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        // A random boundary cannot be guessed by whoever wrote the values, so no value can end a part early.
        String boundary = "mcpgw-" + HexFormat.of().formatHex(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BodyProperty property : properties) {
            JsonNode value = args.get(property.argument());
            if (value == null || value.isNull()) {
                continue;
            }
            if (property.file()) {
                if (value.isArray()) {
                    for (JsonNode item : value) {
                        filePart(out, boundary, body, property, item);
                    }
                } else {
                    filePart(out, boundary, body, property, value);
                }
            } else if (value.isArray() && allScalars(value)) {
                for (JsonNode item : value) {
                    part(out, boundary, property.property(), null, property.encoding().contentType(),
                            JsonValues.text(item).getBytes(StandardCharsets.UTF_8));
                }
            } else if (value.isContainerNode()) {
                String type = property.encoding().contentType() != null ? property.encoding().contentType()
                        : "application/json";
                part(out, boundary, property.property(), null, type,
                        JsonValues.json(value).getBytes(StandardCharsets.UTF_8));
            } else {
                part(out, boundary, property.property(), null, property.encoding().contentType(),
                        JsonValues.text(value).getBytes(StandardCharsets.UTF_8));
            }
        }
        write(out, "--" + boundary + "--\r\n");
        String essence = body.essence();
        return new EncodedBody(out.toByteArray(), essence + "; boundary=" + boundary);
    }

    private static void filePart(ByteArrayOutputStream out, String boundary, BodyBinding body, BodyProperty property,
                                 JsonNode value) throws InvalidArgumentsException {
        BinaryArgument file = BinaryArgument.decode(property.argument(), value, body.maxFileBytes());
        String type = file.contentType() != null ? file.contentType()
                : property.encoding().contentType() != null ? firstOf(property.encoding().contentType())
                : "application/octet-stream";
        String filename = file.filename() != null ? file.filename() : property.property();
        part(out, boundary, property.property(), filename, type, file.bytes());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String filename,
                             String contentType, byte[] content) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
        if (filename != null) {
            head.append("; filename=\"").append(quote(filename)).append('"');
        }
        head.append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(firstOf(contentType)).append("\r\n");
        }
        head.append("\r\n");
        write(out, head.toString());
        out.writeBytes(content);
        write(out, "\r\n");
    }

    /** An encoding may list alternatives ("image/png, image/jpeg"); a part has exactly one type. */
    private static String firstOf(String contentType) {
        int comma = contentType.indexOf(',');
        return (comma < 0 ? contentType : contentType.substring(0, comma)).trim();
    }

    /** The HTML form escaping of names and filenames: a quote or line break cannot break the header. */
    private static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
