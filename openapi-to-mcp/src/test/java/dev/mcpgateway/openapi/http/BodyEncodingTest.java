package dev.mcpgateway.openapi.http;

import static dev.mcpgateway.openapi.http.Bindings.build;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every body media type, as exact bytes and Content-Type. */
class BodyEncodingTest {

    private static String body(HttpRequestPlan plan) {
        return new String(plan.body(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Nested
    class Json {

        @Test
        void assemblesTheObjectFromPropertyArgumentsInBindingOrder() throws Exception {
            var binding = Bindings.withBody("POST", "/pets", BodyBinding.properties("application/json", List.of(
                    BodyProperty.of("name", "name", ValueShape.PRIMITIVE),
                    BodyProperty.of("tags", "tags", ValueShape.ARRAY),
                    BodyProperty.of("owner", "owner", ValueShape.OBJECT)), true));
            var plan = build(binding, ordered("owner", Map.of("id", 1), "tags", List.of("a"), "name", "Rex"));
            assertEquals("{\"name\":\"Rex\",\"tags\":[\"a\"],\"owner\":{\"id\":1}}", body(plan));
            assertEquals("application/json", plan.contentType());
        }

        @Test
        void sendsVendorJsonTypesWithTheirExactContentType() throws Exception {
            var binding = Bindings.withBody("POST", "/things", BodyBinding.properties(
                    "application/vnd.api+json; charset=utf-8",
                    List.of(BodyProperty.of("data", "data", ValueShape.OBJECT)), true));
            var plan = build(binding, Map.of("data", Map.of("type", "things")));
            assertEquals("{\"data\":{\"type\":\"things\"}}", body(plan));
            assertEquals("application/vnd.api+json; charset=utf-8", plan.contentType());
        }

        @Test
        void keepsExplicitNullsInAMergePatchSoTheyDeleteFields() throws Exception {
            var binding = Bindings.withBody("PATCH", "/pets/1", BodyBinding.properties("application/merge-patch+json",
                    List.of(BodyProperty.of("nickname", "nickname", ValueShape.PRIMITIVE),
                            BodyProperty.of("age", "age", ValueShape.PRIMITIVE)), true));
            var args = new LinkedHashMap<String, Object>();
            args.put("nickname", null);
            args.put("age", 4);
            var plan = build(binding, args);
            assertEquals("{\"nickname\":null,\"age\":4}", body(plan));
            assertEquals("application/merge-patch+json", plan.contentType());
        }

        @Test
        void sendsAJsonPatchArrayBareFromOneArgument() throws Exception {
            var binding = Bindings.withBody("PATCH", "/pets/1",
                    BodyBinding.whole("application/json-patch+json", "body", true));
            var plan = build(binding, Map.of("body",
                    List.of(ordered("op", "replace", "path", "/name", "value", "Max"))));
            assertEquals("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Max\"}]", body(plan));
        }

        @Test
        void sendsAStringBodyAsAJsonStringNotWrapped() throws Exception {
            var binding = Bindings.withBody("PUT", "/notes/1", BodyBinding.whole("application/json", "note", true));
            assertEquals("\"hello \\\"world\\\"\"", body(build(binding, Map.of("note", "hello \"world\""))));
        }

        @Test
        void sendsNoBodyWhenAnOptionalBodyHasNoArguments() throws Exception {
            var binding = Bindings.withBody("POST", "/pets", BodyBinding.properties("application/json",
                    List.of(BodyProperty.of("name", "name", ValueShape.PRIMITIVE)), false));
            var plan = build(binding, Map.of());
            assertNull(plan.body());
            assertNull(plan.contentType());
        }

        @Test
        void sendsAnEmptyObjectWhenARequiredBodyHasNoArguments() throws Exception {
            var binding = Bindings.withBody("POST", "/pets", BodyBinding.properties("application/json",
                    List.of(BodyProperty.of("name", "name", ValueShape.PRIMITIVE)), true));
            assertEquals("{}", body(build(binding, Map.of())));
        }

        @Test
        void refusesAMissingRequiredWholeBodyNamingTheArgument() {
            var binding = Bindings.withBody("POST", "/pets", BodyBinding.whole("application/json", "pets", true));
            var error = assertThrows(InvalidArgumentsException.class, () -> build(binding, Map.of()));
            assertEquals(List.of("pets: is required"), error.messages());
        }
    }

    @Nested
    class FormUrlEncoded {

        @Test
        void encodesNestedObjectsInBracketsAndRepeatsArraysByDefault() throws Exception {
            var binding = Bindings.withBody("POST", "/charges", BodyBinding.properties(
                    "application/x-www-form-urlencoded", List.of(
                            BodyProperty.of("amount", "amount", ValueShape.PRIMITIVE),
                            BodyProperty.of("card", "card", ValueShape.OBJECT),
                            BodyProperty.of("tags", "tags", ValueShape.ARRAY),
                            BodyProperty.of("note", "note", ValueShape.PRIMITIVE)), true));
            var plan = build(binding, ordered("amount", 2000,
                    "card", ordered("number", "4242", "address", ordered("city", "São Paulo", "zip", "01000")),
                    "tags", List.of("a", "b"), "note", "50% off & more"));
            assertEquals("amount=2000&card%5Bnumber%5D=4242&card%5Baddress%5D%5Bcity%5D=S%C3%A3o+Paulo"
                    + "&card%5Baddress%5D%5Bzip%5D=01000&tags=a&tags=b&note=50%25+off+%26+more", body(plan));
            assertEquals("application/x-www-form-urlencoded", plan.contentType());
        }

        @Test
        void followsADeclaredDeepObjectEncodingForArrays() throws Exception {
            var deep = new PartEncoding(null, ParameterStyle.DEEP_OBJECT, true, false);
            var binding = Bindings.withBody("POST", "/customers", BodyBinding.properties(
                    "application/x-www-form-urlencoded", List.of(
                            new BodyProperty("expand", "expand", ValueShape.ARRAY, false, deep),
                            new BodyProperty("items", "items", ValueShape.ARRAY, false, deep)), true));
            var plan = build(binding, ordered("expand", List.of("a", "b"),
                    "items", List.of(ordered("price", "p1", "quantity", 2))));
            assertEquals("expand%5B%5D=a&expand%5B%5D=b&items%5B0%5D%5Bprice%5D=p1&items%5B0%5D%5Bquantity%5D=2",
                    body(plan));
        }

        @Test
        void followsADeclaredFormEncodingWithoutExplode() throws Exception {
            var csv = new PartEncoding(null, ParameterStyle.FORM, false, false);
            var binding = Bindings.withBody("POST", "/search", BodyBinding.properties(
                    "application/x-www-form-urlencoded",
                    List.of(new BodyProperty("ids", "ids", ValueShape.ARRAY, false, csv)), true));
            assertEquals("ids=1,2,3", body(build(binding, Map.of("ids", List.of(1, 2, 3)))));
        }
    }

    @Nested
    class Multipart {

        @Test
        void sendsFieldsJsonPartsAndAFileWithTheBoundaryInTheContentType() throws Exception {
            var binding = Bindings.withBody("POST", "/pets/1/photo", BodyBinding.properties("multipart/form-data",
                    List.of(BodyProperty.of("caption", "caption", ValueShape.PRIMITIVE),
                            BodyProperty.of("meta", "meta", ValueShape.OBJECT),
                            BodyProperty.of("labels", "labels", ValueShape.ARRAY),
                            BodyProperty.file("photo", "file")), true));
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
            var plan = build(binding, ordered("caption", "My \"pet\"", "meta", Map.of("w", 2),
                    "labels", List.of("x", "y"),
                    "photo", ordered("content", Base64.getEncoder().encodeToString(png), "filename", "rex.png",
                            "contentType", "image/png")));
            String boundary = plan.contentType().substring("multipart/form-data; boundary=".length());
            assertTrue(plan.contentType().startsWith("multipart/form-data; boundary=mcpgw-"));
            String expectedHead = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"caption\"\r\n\r\nMy \"pet\"\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n"
                    + "{\"w\":2}\r\n"
                    + "--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"labels\"\r\n\r\nx\r\n"
                    + "--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"labels\"\r\n\r\ny\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"rex.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n";
            byte[] head = expectedHead.getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] expected = new byte[head.length + png.length + tail.length];
            System.arraycopy(head, 0, expected, 0, head.length);
            System.arraycopy(png, 0, expected, head.length, png.length);
            System.arraycopy(tail, 0, expected, head.length + png.length, tail.length);
            assertArrayEquals(expected, plan.body());
        }

        @Test
        void namesAPlainBase64FileAfterItsPropertyAndUsesTheDeclaredPartType() throws Exception {
            var encoding = new PartEncoding("image/png, image/jpeg", null, true, false);
            var binding = Bindings.withBody("POST", "/upload", BodyBinding.properties("multipart/form-data",
                    List.of(new BodyProperty("image", "image", ValueShape.PRIMITIVE, true, encoding)), true));
            var plan = build(binding, Map.of("image", "aGk="));
            String boundary = plan.contentType().substring(plan.contentType().indexOf('=') + 1);
            assertEquals("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"image\"\r\n"
                    + "Content-Type: image/png\r\n\r\nhi\r\n--" + boundary + "--\r\n", body(plan));
        }

        @Test
        void refusesFilesOverTheSizeCap() {
            var body = new BodyBinding("multipart/form-data", BodyShape.PROPERTIES, null,
                    List.of(BodyProperty.file("file", "file")), true, 4, Map.of());
            var binding = Bindings.withBody("POST", "/upload", body);
            var error = assertThrows(InvalidArgumentsException.class,
                    () -> build(binding, Map.of("file", Base64.getEncoder().encodeToString(new byte[5]))));
            assertEquals(List.of("file: file is larger than 4 bytes"), error.messages());
        }

        @Test
        void refusesAFileThatIsNotBase64() {
            var binding = Bindings.withBody("POST", "/upload", BodyBinding.properties("multipart/form-data",
                    List.of(BodyProperty.file("file", "file")), true));
            var error = assertThrows(InvalidArgumentsException.class,
                    () -> build(binding, Map.of("file", "not base64 !!")));
            assertEquals(List.of("file: is not valid base64"), error.messages());
        }
    }

    @Nested
    class TextAndBinary {

        @Test
        void sendsTextPlainAsTheBareStringInItsCharset() throws Exception {
            var binding = Bindings.withBody("PUT", "/notes/1",
                    BodyBinding.whole("text/plain; charset=ISO-8859-1", "text", true));
            var plan = build(binding, Map.of("text", "café"));
            assertArrayEquals("café".getBytes(StandardCharsets.ISO_8859_1), plan.body());
            assertEquals("text/plain; charset=ISO-8859-1", plan.contentType());
        }

        @Test
        void decodesAnOctetStreamBodyFromBase64() throws Exception {
            var binding = Bindings.withBody("PUT", "/blobs/1",
                    BodyBinding.whole("application/octet-stream", "data", true));
            var plan = build(binding, Map.of("data", Base64.getEncoder().encodeToString(new byte[] {0, -1, 7})));
            assertArrayEquals(new byte[] {0, -1, 7}, plan.body());
            assertEquals("application/octet-stream", plan.contentType());
        }

        @Test
        void acceptsADataUrlAndTakesTheFileTypeForAWildcardMediaType() throws Exception {
            var binding = Bindings.withBody("PUT", "/images/1", BodyBinding.whole("image/*", "image", true));
            var plan = build(binding, Map.of("image", Map.of("content", "data:image/gif;base64,R0lG",
                    "contentType", "image/gif")));
            assertArrayEquals(new byte[] {'G', 'I', 'F'}, plan.body());
            assertEquals("image/gif", plan.contentType());
        }
    }

    @Test
    void refusesToAssembleATextBodyFromProperties() {
        assertThrows(IllegalArgumentException.class, () -> BodyBinding.properties("text/plain",
                List.of(BodyProperty.of("a", "a", ValueShape.PRIMITIVE)), true));
    }
}
