package dev.mcpgateway.gateway.policy.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExpressionFormsTest {

    static Object eval(String source, PolicyContext context) throws ExpressionException {
        return Expressions.compile(source).evaluate(context);
    }

    static Object eval(String source) throws ExpressionException {
        return eval(source, new MapContext());
    }

    static String token(String payloadJson) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Nested
    class ContextMembers {

        @TestFactory
        Stream<DynamicTest> everyStringMemberReadsItsValue() {
            return Arrays.stream(ContextValue.values()).map(value -> DynamicTest.dynamicTest(value.path(), () -> {
                MapContext context = new MapContext().with(value, "v-" + value.name());
                Expression expression = Expressions.compile("@(context." + value.path() + ")");
                assertEquals(ValueType.STRING, expression.type());
                assertEquals("v-" + value.name(), expression.evaluate(context));
                assertNull(expression.evaluate(new MapContext()), "a value the surface does not know is null");
            }));
        }

        @Test
        void nullConditionalMemberAccessReadsTheSameValue() throws Exception {
            MapContext context = new MapContext().with(ContextValue.SUBSCRIPTION_ID, "s1");
            assertEquals("s1", eval("@(context.Subscription?.Id)", context));
            assertEquals("anonymous", eval("@(context.Subscription?.Id ?? \"anonymous\")", new MapContext()));
        }

        @Test
        void anEntityComparedWithNullIsPresentWhenItsIdIsKnown() throws Exception {
            String source = "@(context.User != null ? context.User.Email : \"nobody\")";
            MapContext user = new MapContext().with(ContextValue.USER_ID, "u1").with(ContextValue.USER_EMAIL, "a@b");
            assertEquals("a@b", eval(source, user));
            assertEquals("nobody", eval(source, new MapContext()));
            for (String entity : new String[] {"Subscription", "Product", "Api", "Operation", "User"}) {
                assertEquals(true, eval("@(context." + entity + " == null)"), entity);
            }
        }

        @Test
        void theResponseStatusCodeIsAnIntOnceThereIsAResponse() throws Exception {
            String source = "@(context.Response.StatusCode >= 200 && context.Response.StatusCode < 400)";
            assertEquals(ValueType.INT, Expressions.compile("@(context.Response.StatusCode)").type());
            assertEquals(true, eval(source, new MapContext().status(204)));
            assertEquals(false, eval(source, new MapContext().status(500)));
            assertEquals(false, eval(source, new MapContext()), "no response yet");
            assertEquals(true, eval("@(context.Response.StatusCode == 429)", new MapContext().status(429)));
        }

        @Test
        void headersAndQueryGiveTheirValueOrTheDefault() throws Exception {
            MapContext context = new MapContext().header("X-Tenant", "t1").query("version", "2013-05");
            assertEquals("t1", eval("@(context.Request.Headers.GetValueOrDefault(\"x-tenant\", \"none\"))", context));
            assertEquals("none", eval("@(context.Request.Headers.GetValueOrDefault(\"x-other\", \"none\"))", context));
            assertNull(eval("@(context.Request.Headers.GetValueOrDefault(\"x-other\"))", context));
            assertEquals(true, eval("@(context.Request.Url.Query.GetValueOrDefault(\"version\") == \"2013-05\")",
                    context));
            assertEquals("", eval("@(context.Request.Url.Query.GetValueOrDefault(\"v2\", \"\"))", context));
        }

        @Test
        void theNameOfALookupMayItselfBeAnExpression() throws Exception {
            MapContext context = new MapContext().variable("header", "x-key").header("x-key", "k");
            assertEquals("k", eval("@(context.Request.Headers.GetValueOrDefault((string)context.Variables[\"header\"],"
                    + " \"\"))", context));
        }
    }

    @Nested
    class Variables {

        private final MapContext context = new MapContext().variable("name", "alice").variable("count", 3)
                .variable("flag", true);

        @Test
        void theIndexerGivesTheObjectOrNull() throws Exception {
            assertEquals("alice", eval("@(context.Variables[\"name\"])", context));
            assertEquals(ValueType.OBJECT, Expressions.compile("@(context.Variables[\"name\"])").type());
            assertNull(eval("@(context.Variables[\"missing\"])", context));
        }

        @Test
        void typedReadsGiveTheValueOrTheDefault() throws Exception {
            assertEquals("alice", eval("@(context.Variables.GetValueOrDefault<string>(\"name\", \"x\"))", context));
            assertEquals("x", eval("@(context.Variables.GetValueOrDefault<string>(\"missing\", \"x\"))", context));
            assertEquals(3L, eval("@(context.Variables.GetValueOrDefault<int>(\"count\", 0))", context));
            assertEquals(7L, eval("@(context.Variables.GetValueOrDefault<int>(\"missing\", 7))", context));
            assertEquals(true, eval("@(context.Variables.GetValueOrDefault<bool>(\"flag\", false))", context));
            assertEquals("alice", eval("@(context.Variables.GetValueOrDefault(\"name\", \"x\"))", context));
        }

        @Test
        void withoutADefaultTheTypesDefaultIsGiven() throws Exception {
            assertNull(eval("@(context.Variables.GetValueOrDefault<string>(\"missing\"))", context));
            assertEquals(0L, eval("@(context.Variables.GetValueOrDefault<int>(\"missing\"))", context));
            assertEquals(false, eval("@(context.Variables.GetValueOrDefault<bool>(\"missing\"))", context));
        }

        @Test
        void aValueOfAnotherTypeGivesTheDefaultInsteadOfThrowing() throws Exception {
            assertEquals(5L, eval("@(context.Variables.GetValueOrDefault<int>(\"name\", 5))", context));
            assertEquals("d", eval("@(context.Variables.GetValueOrDefault<string>(\"count\", \"d\"))", context));
        }

        @Test
        void containsKeyTellsWhetherTheVariableIsSet() throws Exception {
            assertEquals(true, eval("@(context.Variables.ContainsKey(\"name\"))", context));
            assertEquals(false, eval("@(context.Variables.ContainsKey(\"missing\"))", context));
        }

        @Test
        void castsConvertObjectsAndGiveNullForAnotherType() throws Exception {
            assertEquals("alice", eval("@((string)context.Variables[\"name\"])", context));
            assertEquals(3L, eval("@((int)context.Variables[\"count\"])", context));
            assertEquals(true, eval("@((bool)context.Variables[\"flag\"])", context));
            assertNull(eval("@((string)context.Variables[\"count\"])", context));
            assertNull(eval("@((int)context.Variables[\"name\"])", context));
            assertEquals("Bearer alice", eval("@(\"Bearer \" + (string)context.Variables[\"name\"])", context));
        }
    }

    @Nested
    class Tokens {

        private final String jwt = token("{\"sub\":\"alice\",\"roles\":[\"reader\",\"writer\"],\"tid\":\"t1\",\"n\":5}");

        @Test
        void asJwtDecodesTheSubjectAndClaimsOfAHeader() throws Exception {
            MapContext context = new MapContext().header("Authorization", "Bearer " + jwt);
            String header = "context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\")";
            assertEquals("alice", eval("@(" + header + ".AsJwt()?.Subject)", context));
            assertEquals("t1", eval("@(" + header + ".AsJwt()?.Claims.GetValueOrDefault(\"tid\", \"\"))", context));
            assertEquals("reader,writer", eval("@(" + header + ".AsJwt()?.Claims.GetValueOrDefault(\"roles\", \"\"))",
                    context));
            assertEquals("5", eval("@(" + header + ".AsJwt()?.Claims.GetValueOrDefault(\"n\", \"\"))", context));
            assertEquals("none", eval("@(" + header + ".AsJwt()?.Claims.GetValueOrDefault(\"oid\", \"none\"))",
                    context));
        }

        @Test
        void aValueThatIsNotATokenGivesNullAndTheChainStopsThere() throws Exception {
            String claim = "@(context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\").AsJwt()?.Claims"
                    + ".GetValueOrDefault(\"tid\", \"default\"))";
            assertNull(eval(claim, new MapContext().header("Authorization", "Basic dXNlcjpwdw==")));
            assertNull(eval(claim, new MapContext()));
            assertEquals("anonymous", eval("@(context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\")"
                    + ".AsJwt()?.Subject ?? \"anonymous\")", new MapContext()));
        }

        @Test
        void aTokenWithoutTheBearerSchemeIsReadToo() throws Exception {
            assertEquals("alice", eval("@(context.Request.Headers.GetValueOrDefault(\"x-token\", \"\").AsJwt()"
                    + "?.Subject)", new MapContext().header("x-token", jwt)));
        }
    }

    @Nested
    class Literals {

        @Test
        void stringsTakeCSharpEscapes() throws Exception {
            assertEquals("a\"b\\c\n\t\u0041\u0042", eval("@(\"a\\\"b\\\\c\\n\\t\\u0041\\x42\")"));
            assertEquals("C:\\dir \"q\"", eval("@(@\"C:\\dir \"\"q\"\"\")"));
        }

        @Test
        void numbersBooleansAndNull() throws Exception {
            assertEquals(42L, eval("@(42)"));
            assertEquals(-1L, eval("@(-1)"));
            assertEquals(true, eval("@(true)"));
            assertEquals(false, eval("@(false)"));
            assertNull(eval("@(null)"));
        }

        @Test
        void apimDocumentationExamplesEvaluate() throws Exception {
            assertEquals(true, eval("@(true)"));
            assertEquals("2", eval("@((1+1).ToString())"));
            assertEquals(8L, eval("@(\"Hi There\".Length)"));
        }
    }

    @Nested
    class Operators {

        @Test
        void plusJoinsStringsAndAddsInts() throws Exception {
            MapContext context = new MapContext().with(ContextValue.API_ID, "echo");
            assertEquals("api-echo", eval("@(\"api-\" + context.Api.Id)", context));
            assertEquals("api-", eval("@(\"api-\" + context.Product.Id)", context));
            assertEquals("n=3 ok=True", eval("@(\"n=\" + (1 + 2) + \" ok=\" + true)"));
            assertEquals(5L, eval("@(2 + 3)"));
        }

        @Test
        void comparisons() throws Exception {
            assertEquals(true, eval("@(\"a\" == \"a\")"));
            assertEquals(true, eval("@(\"a\" != \"b\")"));
            assertEquals(true, eval("@(1 < 2 && 2 > 1 && 2 <= 2 && 3 >= 2)"));
            assertEquals(false, eval("@(context.Variables.GetValueOrDefault<int>(\"n\", 0) > 1)"));
            assertEquals(true, eval("@(context.Variables[\"n\"] == null)"));
            assertEquals(true, eval("@(context.Variables[\"n\"] == 4)", new MapContext().variable("n", 4)));
        }

        @Test
        void orderingWithANullOperandIsFalse() throws Exception {
            assertEquals(false, eval("@((int)context.Variables[\"n\"] < 5)"));
            assertEquals(false, eval("@((int)context.Variables[\"n\"] >= 5)"));
        }

        @Test
        void logicalOperatorsShortCircuitAndNegate() throws Exception {
            assertEquals(true, eval("@(true || context.Request.Headers.GetValueOrDefault(\"x\", \"\").Length > 0)"));
            assertEquals(false, eval("@(false && true)"));
            assertEquals(true, eval("@(!false)"));
            assertEquals(true, eval("@(!(1 == 2) && (true || false))"));
        }

        @Test
        void conditionalAndNullCoalescing() throws Exception {
            assertEquals("yes", eval("@(1 < 2 ? \"yes\" : \"no\")"));
            assertEquals("c", eval("@(false ? \"a\" : true ? \"c\" : \"d\")"));
            assertEquals("fallback", eval("@(context.Mcp.ToolName ?? \"fallback\")"));
            assertEquals("t", eval("@(context.Mcp.ToolName ?? \"fallback\")",
                    new MapContext().with(ContextValue.MCP_TOOL_NAME, "t")));
        }

        @Test
        void precedenceIsCSharps() throws Exception {
            assertEquals(true, eval("@(1 + 2 == 3 && \"a\" + \"b\" == \"ab\" || false)"));
            assertEquals("xy", eval("@(context.Api.Name ?? \"x\" + \"y\")"));
        }
    }

    @Nested
    class StringMembers {

        private final MapContext context = new MapContext().with(ContextValue.REQUEST_METHOD, "Post");

        @Test
        void caseAndSearchMethods() throws Exception {
            assertEquals("post", eval("@(context.Request.Method.ToLower())", context));
            assertEquals("POST", eval("@(context.Request.Method.ToUpper())", context));
            assertEquals(true, eval("@(context.Request.Method.Contains(\"os\"))", context));
            assertEquals(true, eval("@(context.Request.Method.StartsWith(\"Po\"))", context));
            assertEquals(false, eval("@(context.Request.Method.EndsWith(\"x\"))", context));
            assertEquals(4L, eval("@(context.Request.Method.Length)", context));
        }

        @Test
        void toStringRendersAsCSharp() throws Exception {
            assertEquals("True", eval("@(true.ToString())"));
            assertEquals("12", eval("@(12.ToString())"));
            assertEquals("Post", eval("@(context.Request.Method.ToString())", context));
            assertEquals("3", eval("@(context.Variables[\"n\"].ToString())", new MapContext().variable("n", 3)));
        }

        @Test
        void aNullReceiverGivesNullInsteadOfThrowing() throws Exception {
            assertNull(eval("@(context.Request.Method.ToLower())"));
            assertNull(eval("@(context.Request.Method.Contains(\"a\"))"));
            assertNull(eval("@(context.Request.Method?.Length)"));
            assertEquals(false, Expressions.compile("@(context.Request.Method.Contains(\"a\"))")
                    .evaluateCondition(new MapContext()));
        }

        @Test
        void isNullOrEmpty() throws Exception {
            assertEquals(true, eval("@(string.IsNullOrEmpty(context.Request.Method))"));
            assertEquals(true, eval("@(String.IsNullOrEmpty(\"\"))"));
            assertEquals(false, eval("@(!string.IsNullOrEmpty(context.Request.Method) == false)", context));
        }
    }
}
