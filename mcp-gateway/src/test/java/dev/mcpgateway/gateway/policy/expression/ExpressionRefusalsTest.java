package dev.mcpgateway.gateway.policy.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every construct outside the subset is refused at compile time, naming the construct and its column. */
class ExpressionRefusalsTest {

    /** An expression, the construct its refusal names, and the column of that construct. */
    record Refusal(String source, String construct, int column) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal("@(context.Variables.Where(v => v.Key == \"a\"))", "the LINQ method 'Where'", 21),
            new Refusal("@(x => x)", "a lambda (=>)", 5),
            new Refusal("@(new Uri(\"http://a\").Host)", "object creation (new)", 3),
            new Refusal("@(Regex.Match(\"a\", \"b\").Success)", "the name 'Regex'", 3),
            new Refusal("@(DateTime.UtcNow.ToString())", "the name 'DateTime'", 3),
            new Refusal("@(int.Parse(\"1\"))", "the name 'int'", 3),
            new Refusal("@(context.Variables[\"a\"] = \"b\")", "an assignment (=)", 26),
            new Refusal("@(context.Api.Id; context.Api.Name)", "a statement separator (;)", 17),
            new Refusal("@{ return context.Api.Id; }", "a multi-statement expression @{...}", 1),
            new Refusal("  @{ return \"a\"; }", "a multi-statement expression @{...}", 3),
            new Refusal("@('a')", "a character literal", 3),
            new Refusal("@($\"id {context.Api.Id}\")", "an interpolated string ($\"...\")", 3),
            new Refusal("@(1.5)", "the number 1.", 3),
            new Refusal("@(10L)", "the number 10L", 3),
            new Refusal("@(99999999999999999999)", "the number 99999999999999999999", 3),
            new Refusal("@(3 - 1)", "subtraction (-)", 5),
            new Refusal("@(3 * 2)", "multiplication (*)", 5),
            new Refusal("@(3 / 2)", "division (/)", 5),
            new Refusal("@(true & false)", "the bitwise operator &", 8),
            new Refusal("@(context.Variables[\"n\"]++)", "an increment (++)", 25),
            new Refusal("@(typeof(string))", "the keyword 'typeof'", 3),
            new Refusal("@(context.Variables[\"a\"] is string)", "the keyword 'is'", 26),
            new Refusal("@(context.Response.Body.As<string>())", "'context.Response.Body'", 20),
            new Refusal("@(context.Response.Headers.GetValueOrDefault(\"a\", \"\"))", "'context.Response.Headers'",
                    20),
            new Refusal("@(context.Request.Body.As<string>())", "'context.Request.Body'", 19),
            new Refusal("@(context.LastError.Message)", "'context.LastError'", 11),
            new Refusal("@(context.Request.Headers[\"a\"])", "an indexer [] on context.Request.Headers", 26),
            new Refusal("@(context.Request.Headers.TryGetValue(\"a\"))",
                    "the member 'TryGetValue' of context.Request.Headers", 27),
            new Refusal("@(context.Request.Method.Split(','))", "a character literal", 32),
            new Refusal("@(context.Request.Method.Trim())", "the member 'Trim' of string", 26),
            new Refusal("@(context.Request.Method.Contains(\"a\", \"b\"))", "Contains with 2 arguments", 26),
            new Refusal("@(context.Variables[\"a\"].Length)", "the member 'Length' of object", 26),
            new Refusal("@(((Jwt)context.Variables[\"jwt\"]).Subject)", "the cast (Jwt)", 4),
            new Refusal("@(context.Variables.GetValueOrDefault<JObject>(\"a\"))", "the type argument <JObject>", 39),
            new Refusal("@(context.Request.Headers.GetValueOrDefault<string>(\"a\"))",
                    "a type argument on GetValueOrDefault", 27),
            new Refusal("@(context.Variables.GetValueOrDefault<string>(\"gen_ai.tool.name\",,\"\"))", "','", 66),
            new Refusal("@(context.Api.Id) + \"x\"", "text after the closing ')'", 19),
            new Refusal("Bearer @(context.Variables[\"t\"])", "an expression inside text", 8),
            new Refusal("@(context.Api.Id", "the end of the expression", 17),
            new Refusal("@(\"unterminated)", "a string", 3),
            new Refusal("@(\"\\q\")", "the escape \\q", 4),
            new Refusal("@(\"a\" < \"b\")", "'<'", 7),
            new Refusal("@(1 && true)", "'&&'", 5),
            new Refusal("@(!\"x\")", "'!'", 3),
            new Refusal("@(1 == \"a\")", "'=='", 5),
            new Refusal("@(true + 1)", "'+'", 8),
            new Refusal("@(1 ?? 2)", "'??'", 5),
            new Refusal("@(true ? \"a\" : 1)", "'?:'", 8),
            new Refusal("@(\"a\" ? 1 : 2)", "the condition of '?:'", 7),
            new Refusal("@(context.User == \"u\")", "'=='", 16),
            new Refusal("@(context.Request)", "'context.Request'", 3),
            new Refusal("@(context)", "'context'", 3),
            new Refusal("@((string)1)", "the cast (string)", 3),
            new Refusal("@(context.Variables.GetValueOrDefault<int>(\"a\", \"x\"))", "the default argument", 21),
            new Refusal("@(context.Request.Headers.GetValueOrDefault(1, \"\"))", "the name argument", 27),
            new Refusal("@(context.Api.Id.AsJwt().Audiences)", "the member 'Audiences' of Jwt", 26),
            new Refusal("@(string.Join(\",\", \"a\"))", "'string.Join'", 10),
            new Refusal("@(@)", "the character '@'", 3));

    @TestFactory
    Stream<DynamicTest> eachRefusalNamesTheConstructAndItsColumn() {
        return REFUSALS.stream().map(refusal -> DynamicTest.dynamicTest(refusal.source(), () -> {
            ExpressionException refused = assertThrows(ExpressionException.class,
                    () -> Expressions.compile(refusal.source()));
            assertEquals(refusal.construct(), refused.construct());
            assertEquals(refusal.column(), refused.column());
            assertTrue(refused.getMessage().startsWith(refusal.construct() + " "), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("(column " + refusal.column() + ")"), refused.getMessage());
        }));
    }

    @Test
    void apimDocumentationExamplesOutsideTheSubsetAreRefused() {
        for (String source : List.of(
                "@(Regex.Match(context.Response.Headers.GetValueOrDefault(\"Cache-Control\",\"\"),"
                        + " @\"max-age=(?<maxAge>\\d+)\").Groups[\"maxAge\"]?.Value)",
                "@(context.Variables.ContainsKey(\"maxAge\") ? int.Parse((string)context.Variables[\"maxAge\"])"
                        + " : 3600)")) {
            assertThrows(ExpressionException.class, () -> Expressions.compile(source), source);
        }
    }

    @Test
    void deepNestingAndLongExpressionsAreRefusedBeforeTheyCouldExhaustTheStack() {
        String nested = "@(" + "(".repeat(Parser.MAX_NESTING) + "1" + ")".repeat(Parser.MAX_NESTING) + ")";
        assertEquals("nesting deeper than 64", assertThrows(ExpressionException.class,
                () -> Expressions.compile(nested)).construct());
        assertEquals("nesting deeper than 64", assertThrows(ExpressionException.class,
                () -> Expressions.compile("@(" + "!".repeat(100) + "true)")).construct());
        assertEquals("an expression of more than 1000 tokens", assertThrows(ExpressionException.class,
                () -> Expressions.compile("@(1" + " + 1".repeat(600) + ")")).construct());
    }

    @Test
    void nestingWithinTheBoundsIsFine() throws Exception {
        String nested = "@(" + "(".repeat(Parser.MAX_NESTING - 2) + "1" + ")".repeat(Parser.MAX_NESTING - 2) + ")";
        assertEquals(1L, Expressions.compile(nested).evaluate(new MapContext()));
        assertEquals(300L, Expressions.compile("@(1" + " + 1".repeat(299) + ")").evaluate(new MapContext()));
    }

    @Test
    void theMessageExplainsTheRefusalForTheAuthor() {
        ExpressionException refused = assertThrows(ExpressionException.class,
                () -> Expressions.compile("@(context.Variables[\"a\"].Length)"));
        assertEquals("the member 'Length' of object is not supported; cast the variable first, e.g. (string)"
                + " (column 26)", refused.getMessage());
    }
}
