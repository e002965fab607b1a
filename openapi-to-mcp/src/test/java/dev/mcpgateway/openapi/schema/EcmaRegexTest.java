package dev.mcpgateway.openapi.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.testsupport.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcmaRegexTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class WhenAPatternIsWrittenForJava {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiterString = " -> ", quoteCharacter = '~', value = {
            "^[a-zA-Z0-9\\-\\_\\.]{1,50}$ -> ^[a-zA-Z0-9\\-_\\.]{1,50}$",
            "\\A[a-z]+\\z -> ^[a-z]+$",
            "^[\\w-.+]+@example\\.com$ -> ^[\\w\\-.+]+@example\\.com$",
            "^\\p{Alnum}{3,}$ -> ^[a-zA-Z0-9]{3,}$",
            "^arn\\:aws\\:iam\\:\\:\\d{12}\\:role/.+$ -> ^arn:aws:iam::\\d{12}:role/.+$",
            "^[\\p{Alpha}\\p{Digit}_]+$ -> ^[a-zA-Z0-9_]+$",
            "^\\P{Space}+$ -> ^[^ \\t\\n\\x0B\\f\\r]+$",
            "^[[:alpha:]][[:alnum:]]*$ -> ^[a-zA-Z][a-zA-Z0-9]*$",
            "(?i)^[a-f]+x$ -> ^[a-fA-F]+[xX]$",
            "^\\d++$ -> ^\\d+$",
            "^a*+b$ -> ^(?:(?=(a*))\\1)b$",
            "^(?>ab|a)c$ -> ^(?:(?=(ab|a))\\1)c$",
            "{id} -> \\{id\\}",
            "^\\Qa.b\\E$ -> ^a\\.b$",
            "^\\x{1F600}$ -> ^\\u{1F600}$",
            "^\\p{IsLatin}+$ -> ^\\p{sc=Latin}+$",
            "^\\pL+$ -> ^\\p{L}+$",
            "^[^\\\"\\']*$ -> ^[^\"']*$",
            "^\\\"quoted\\\"$ -> ^\"quoted\"$",
            "^\\ \\#$ -> ^ #$",
            "^[a-z0-9-]+$ -> ^[a-z0-9-]+$",
            "^(?s).$ -> ^[\\s\\S]$",
            "^(?P<year>\\d{4})$ -> ^(?<year>\\d{4})$",
            "^\\e\\a\\0101$ -> ^\\x1B\\x07\\x41$",
        })
        void itIsRewrittenToTheEcmaForm(String java, String ecma) {
            assertEquals(ecma, EcmaRegex.translate(java).regex());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiterString = " -> ", value = {
            "^\\p{InGreek}+$ -> Unicode blocks",
            "^[a-z&&[^aeiou]]+$ -> intersection",
            "\\Gabc -> \\G",
            "(?x) a b c -> (?x)",
            "^\\p{javaLowerCase}+$ -> javaLowerCase",
            "(?m)^a$ -> multiline",
            "^(a)\\1++b$ -> back-references",
        })
        void withNoFaithfulEquivalentItSaysWhy(String java, String reason) {
            EcmaRegex.Result result = EcmaRegex.translate(java);
            assertNull(result.regex());
            assertTrue(result.reason().contains(reason), result.reason());
        }
    }

    @Nested
    class WhenAPatternIsAlreadyEcma {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiterString = " -> ", quoteCharacter = '~', value = {
            "^[A-Z]{3}$", "^\\d{4}-\\d{2}-\\d{2}$", "^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+)$", "^\\p{Lu}\\p{Ll}*$",
            "^[^\\s@]+@[^\\s@]+$", "^https?://", "^(?<name>\\w+)-\\k<name>$", "^\\u00e9[\\u0300-\\u036f]?$",
            "(?<=a)b(?!c)", "^[\\]\\[]$", "^a{2,}?$", "^\\$\\.\\*$",
        })
        void itIsKeptAsWritten(String ecma) {
            assertEquals(ecma, EcmaRegex.translate(ecma).regex());
        }
    }

    /**
     * The rewritten pattern, compiled by the MCP TypeScript SDK's own validator (Ajv, unicode mode), accepts exactly
     * the strings java.util.regex accepts with the original.
     */
    @Test
    void rewrittenPatternsMatchWhatJavaMatchesInTheRealClientValidator() throws Exception {
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("^[a-zA-Z0-9\\-\\_\\.]{1,50}$", List.of("a-b_c.d", "a b", "", "x".repeat(51), "é"));
        cases.put("\\A[a-z]+\\z", List.of("abc", "abc\n", "ABC", "a1"));
        cases.put("^[a-z]+\\Z", List.of("abc", "abc\n", "abc\r\n", "abc\n\n", "abc1"));
        cases.put("^[\\w-.+]+$", List.of("a-b.c+d", "a b", "a/b"));
        cases.put("^\\p{Alnum}+$", List.of("abc123", "abc_", "é"));
        cases.put("^\\p{Punct}+$", List.of("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "a", "§"));
        cases.put("^arn\\:aws\\:[a-z]+\\:\\:\\d{12}$", List.of("arn:aws:iam::123456789012", "arn:aws:iam:123"));
        cases.put("(?i)^[a-c]+-x[!-Z]$", List.of("ABc-xA", "abc-Xz", "abd-x!", "abc-x["));
        cases.put("^a*+a$", List.of("a", "aa", ""));
        cases.put("^(?>ab|a)b$", List.of("ab", "abb", "b"));
        cases.put("^\\d++$", List.of("123", "12a"));
        cases.put("^\\h+\\R$", List.of(" \t\n", " \r\n", " ", "a\n"));
        cases.put("^[^\\p{Alpha}]+$", List.of("123", "1a"));
        cases.put("^\\p{IsAlphabetic}\\p{Lu}$", List.of("éÉ", "eé", "1A"));
        List<String> lines = new ArrayList<>();
        List<List<Boolean>> javaResults = new ArrayList<>();
        for (var entry : cases.entrySet()) {
            String ecma = EcmaRegex.translate(entry.getKey()).regex();
            assertFalse(ecma == null, entry.getKey());
            ObjectNode schema = JSON.createObjectNode().put("type", "string").put("pattern", ecma);
            lines.add(JSON.writeValueAsString(Map.of("id", entry.getKey(), "schema", schema,
                    "instances", entry.getValue())));
            Pattern java = Pattern.compile(entry.getKey());
            javaResults.add(entry.getValue().stream().map(s -> java.matcher(s).find()).toList());
        }
        List<JsonNode> results = AjvCheck.run(lines);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode result = results.get(i);
            assertEquals(0, result.get("errors").size(), result.toString());
            List<Boolean> ajv = new ArrayList<>();
            result.get("valid").forEach(v -> ajv.add(v.asBoolean()));
            assertEquals(javaResults.get(i), ajv, "for " + result.get("id").asText());
        }
    }

    /** Runs tools/node/lib/ajv-check.mjs over JSON lines; returns its result lines (the summary last). */
    static final class AjvCheck {
        static List<JsonNode> run(List<String> lines) throws Exception {
            Path in = Files.createTempFile("ajv-check", ".jsonl");
            Path out = Files.createTempFile("ajv-result", ".jsonl");
            try {
                Files.write(in, lines);
                NodeTools.Result run = NodeTools.run(NodeTools.nodeProject().resolve("lib/ajv-check.mjs"),
                        List.of(in.toString(), out.toString()), Map.of(), Duration.ofMinutes(3));
                assertTrue(run.succeeded(), run.output());
                List<JsonNode> results = new ArrayList<>();
                for (String line : Files.readAllLines(out)) {
                    results.add(JSON.readTree(line));
                }
                return results;
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        }
    }
}
