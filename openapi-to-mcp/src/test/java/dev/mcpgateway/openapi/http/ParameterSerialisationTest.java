package dev.mcpgateway.openapi.http;

import static dev.mcpgateway.openapi.http.Bindings.COLORS;
import static dev.mcpgateway.openapi.http.Bindings.RGB;
import static dev.mcpgateway.openapi.http.Bindings.build;
import static dev.mcpgateway.openapi.http.Bindings.target;
import static dev.mcpgateway.openapi.http.ParameterStyle.DEEP_OBJECT;
import static dev.mcpgateway.openapi.http.ParameterStyle.FORM;
import static dev.mcpgateway.openapi.http.ParameterStyle.LABEL;
import static dev.mcpgateway.openapi.http.ParameterStyle.MATRIX;
import static dev.mcpgateway.openapi.http.ParameterStyle.PIPE_DELIMITED;
import static dev.mcpgateway.openapi.http.ParameterStyle.SIMPLE;
import static dev.mcpgateway.openapi.http.ParameterStyle.SPACE_DELIMITED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenAPI 3 style/explode table, value by value, as exact request targets. */
class ParameterSerialisationTest {

    @Test
    void usesOpenApiDefaultStylesPerLocation() {
        assertEquals(FORM, ParameterStyle.defaultFor(ParameterLocation.QUERY));
        assertEquals(SIMPLE, ParameterStyle.defaultFor(ParameterLocation.PATH));
    }

    @Nested
    class QueryParameters {

        static Stream<Arguments> table() {
            return Stream.of(
                    Arguments.of(FORM, true, "blue", "/items?color=blue"),
                    Arguments.of(FORM, true, COLORS, "/items?color=blue&color=black&color=brown"),
                    Arguments.of(FORM, true, RGB, "/items?R=100&G=200&B=150"),
                    Arguments.of(FORM, false, "blue", "/items?color=blue"),
                    Arguments.of(FORM, false, COLORS, "/items?color=blue,black,brown"),
                    Arguments.of(FORM, false, RGB, "/items?color=R,100,G,200,B,150"),
                    Arguments.of(SPACE_DELIMITED, false, COLORS, "/items?color=blue%20black%20brown"),
                    Arguments.of(SPACE_DELIMITED, false, RGB, "/items?color=R%20100%20G%20200%20B%20150"),
                    Arguments.of(SPACE_DELIMITED, true, COLORS, "/items?color=blue&color=black&color=brown"),
                    Arguments.of(PIPE_DELIMITED, false, COLORS, "/items?color=blue%7Cblack%7Cbrown"),
                    Arguments.of(PIPE_DELIMITED, false, RGB, "/items?color=R%7C100%7CG%7C200%7CB%7C150"),
                    Arguments.of(PIPE_DELIMITED, true, COLORS, "/items?color=blue&color=black&color=brown"),
                    Arguments.of(DEEP_OBJECT, true, RGB, "/items?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
                    Arguments.of(DEEP_OBJECT, true, Map.of("status", "open"), "/items?color%5Bstatus%5D=open"),
                    Arguments.of(DEEP_OBJECT, true, COLORS,
                            "/items?color%5B%5D=blue&color%5B%5D=black&color%5B%5D=brown"),
                    Arguments.of(FORM, true, List.of(), "/items?color="),
                    Arguments.of(FORM, true, "", "/items?color="));
        }

        @ParameterizedTest(name = "{0} explode={1} {2} -> {3}")
        @MethodSource("table")
        void serialisesPerStyleAndExplode(ParameterStyle style, boolean explode, Object value, String expected)
                throws Exception {
            var binding = Bindings.get("/items", Bindings.query("color", style, explode, ValueShape.PRIMITIVE));
            assertEquals(expected, target(build(binding, Map.of("color", value))));
        }

        @Test
        void encodesDelimitersInsideValuesSoTheyCannotSplitTheValue() throws Exception {
            var binding = Bindings.get("/items", Bindings.query("q", FORM, false, ValueShape.ARRAY));
            assertEquals("/items?q=a%2Cb,c%26d%3De,%C3%A9%20x%2F",
                    target(build(binding, Map.of("q", List.of("a,b", "c&d=e", "é x/")))));
        }

        @Test
        void allowReservedLeavesReservedCharactersButStillEncodesHashAndSpace() throws Exception {
            var binding = Bindings.get("/search", new ParameterBinding("q", ParameterLocation.QUERY, "q", FORM, true,
                    true, ValueShape.PRIMITIVE, false));
            assertEquals("/search?q=a/b:c?d=e,f%23g%20h", target(build(binding, Map.of("q", "a/b:c?d=e,f#g h"))));
        }

        @Test
        void nestedDeepObjectUsesBracketsAtEveryLevel() throws Exception {
            var binding = Bindings.get("/items", Bindings.query("filter", DEEP_OBJECT, true, ValueShape.OBJECT));
            Map<String, Object> filter = new java.util.LinkedHashMap<>();
            filter.put("status", "open");
            filter.put("owner", Map.of("id", 7));
            filter.put("tags", List.of("x", "y"));
            assertEquals("/items?filter%5Bstatus%5D=open&filter%5Bowner%5D%5Bid%5D=7"
                            + "&filter%5Btags%5D%5B%5D=x&filter%5Btags%5D%5B%5D=y",
                    target(build(binding, Map.of("filter", filter))));
        }

        @Test
        void writesNumbersAndBooleansAsJsonDoes() throws Exception {
            var binding = Bindings.get("/items", Bindings.query("limit", FORM, true, ValueShape.PRIMITIVE),
                    Bindings.query("price", FORM, true, ValueShape.PRIMITIVE),
                    Bindings.query("active", FORM, true, ValueShape.PRIMITIVE));
            var args = new java.util.LinkedHashMap<String, Object>();
            args.put("limit", 10);
            args.put("price", 12.50);
            args.put("active", false);
            assertEquals("/items?limit=10&price=12.5&active=false", target(build(binding, args)));
        }

        @Test
        void leavesOutAbsentAndNullOptionalParameters() throws Exception {
            var binding = Bindings.get("/items", Bindings.query("a", FORM, true, ValueShape.PRIMITIVE),
                    Bindings.query("b", FORM, true, ValueShape.PRIMITIVE));
            var args = new java.util.HashMap<String, Object>();
            args.put("b", null);
            assertEquals("/items", target(build(binding, args)));
        }
    }

    @Nested
    class PathParameters {

        static Stream<Arguments> table() {
            return Stream.of(
                    Arguments.of(SIMPLE, false, "blue", "/items/blue"),
                    Arguments.of(SIMPLE, false, COLORS, "/items/blue,black,brown"),
                    Arguments.of(SIMPLE, false, RGB, "/items/R,100,G,200,B,150"),
                    Arguments.of(SIMPLE, true, COLORS, "/items/blue,black,brown"),
                    Arguments.of(SIMPLE, true, RGB, "/items/R=100,G=200,B=150"),
                    Arguments.of(LABEL, false, "blue", "/items/.blue"),
                    Arguments.of(LABEL, false, COLORS, "/items/.blue,black,brown"),
                    Arguments.of(LABEL, false, RGB, "/items/.R,100,G,200,B,150"),
                    Arguments.of(LABEL, true, COLORS, "/items/.blue.black.brown"),
                    Arguments.of(LABEL, true, RGB, "/items/.R=100.G=200.B=150"),
                    Arguments.of(MATRIX, false, "blue", "/items/;color=blue"),
                    Arguments.of(MATRIX, false, COLORS, "/items/;color=blue,black,brown"),
                    Arguments.of(MATRIX, false, RGB, "/items/;color=R,100,G,200,B,150"),
                    Arguments.of(MATRIX, true, COLORS, "/items/;color=blue;color=black;color=brown"),
                    Arguments.of(MATRIX, true, RGB, "/items/;R=100;G=200;B=150"));
        }

        @ParameterizedTest(name = "{0} explode={1} {2} -> {3}")
        @MethodSource("table")
        void serialisesPerStyleAndExplode(ParameterStyle style, boolean explode, Object value, String expected)
                throws Exception {
            var binding = Bindings.get("/items/{color}", Bindings.path("color", style, explode, ValueShape.PRIMITIVE));
            assertEquals(expected, target(build(binding, Map.of("color", value))));
        }

        @Test
        void encodesSlashesEscapesSpacesAndUnicodePerSegment() throws Exception {
            var binding = Bindings.get("/files/{name}/meta", Bindings.path("name", SIMPLE, false, ValueShape.PRIMITIVE));
            assertEquals("/files/a%2Fb%252Fc%20d%E2%82%AC%3F%23/meta",
                    target(build(binding, Map.of("name", "a/b%2Fc d€?#"))));
        }

        @Test
        void keepsTemplateLiteralsSuchAsCustomMethods() throws Exception {
            var binding = Bindings.get("/operations/{name}:cancel",
                    Bindings.path("name", SIMPLE, false, ValueShape.PRIMITIVE));
            assertEquals("/operations/op-1:cancel", target(build(binding, Map.of("name", "op-1"))));
        }
    }

    @Nested
    class HeadersAndCookies {

        @Test
        void sendsTypedHeadersAsTextInSimpleStyle() throws Exception {
            var binding = Bindings.get("/items",
                    ParameterBinding.of("X-Page", ParameterLocation.HEADER, "X-Page", ValueShape.PRIMITIVE, false),
                    ParameterBinding.of("X-Dry-Run", ParameterLocation.HEADER, "X-Dry-Run", ValueShape.PRIMITIVE, false),
                    ParameterBinding.of("X-Tags", ParameterLocation.HEADER, "X-Tags", ValueShape.ARRAY, false),
                    new ParameterBinding("X-Rgb", ParameterLocation.HEADER, "X-Rgb", SIMPLE, true, false,
                            ValueShape.OBJECT, false));
            var plan = build(binding, Map.of("X-Page", 3, "X-Dry-Run", true, "X-Tags", COLORS, "X-Rgb", RGB));
            assertEquals(List.of(new HttpHeader("Accept", ResponseBinding.DEFAULT_ACCEPT),
                    new HttpHeader("X-Page", "3"), new HttpHeader("X-Dry-Run", "true"),
                    new HttpHeader("X-Tags", "blue,black,brown"), new HttpHeader("X-Rgb", "R=100,G=200,B=150")),
                    plan.headers());
        }

        @Test
        void refusesHeaderValuesWithLineBreaks() {
            var binding = Bindings.get("/items",
                    ParameterBinding.of("trace", ParameterLocation.HEADER, "X-Trace", ValueShape.PRIMITIVE, false));
            var error = org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentsException.class,
                    () -> build(binding, Map.of("trace", "a\r\nX-Admin: yes")));
            assertEquals(List.of("trace: header values must be single-line Latin-1 text"), error.messages());
        }

        @Test
        void repeatsAnExplodedCookieArrayAsSeparatePairs() throws Exception {
            var binding = Bindings.get("/items",
                    ParameterBinding.of("ids", ParameterLocation.COOKIE, "ids", ValueShape.ARRAY, false));
            assertEquals(List.of("ids=3; ids=4"), build(binding, Map.of("ids", List.of(3, 4))).headerValues("Cookie"));
        }

        @Test
        void joinsCookiesIntoOneEncodedCookieHeader() throws Exception {
            var binding = Bindings.get("/items",
                    ParameterBinding.of("session", ParameterLocation.COOKIE, "session", ValueShape.PRIMITIVE, false),
                    new ParameterBinding("ids", ParameterLocation.COOKIE, "ids", FORM, false, false,
                            ValueShape.ARRAY, false),
                    ParameterBinding.of("prefs", ParameterLocation.COOKIE, "prefs", ValueShape.OBJECT, false));
            var plan = build(binding, Map.of("session", "a b;c", "ids", List.of(3, 4), "prefs", Map.of("theme", "dark")));
            assertEquals(List.of("session=a%20b%3Bc; ids=3,4; theme=dark"), plan.headerValues("Cookie"));
        }
    }
}
