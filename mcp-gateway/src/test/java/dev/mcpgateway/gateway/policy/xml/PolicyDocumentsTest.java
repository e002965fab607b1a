package dev.mcpgateway.gateway.policy.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {

    /** A document whose one section holds {@code body}, starting on line 3. */
    static String inSection(String section, String body) {
        return "<policies>\n  <" + section + ">\n" + body + "\n  </" + section + ">\n</policies>";
    }

    static PolicyElement only(String section, String body, PolicyFormat format) throws PolicyDocumentException {
        PolicyDocument document = PolicyDocuments.read(inSection(section, body), format);
        return document.section(Section.byXmlName(section)).get(0);
    }

    @Nested
    class Structure {

        @Test
        void sectionsMayComeInAnyOrderAndAnAbsentOneIsAbsent() throws Exception {
            PolicyDocument document = PolicyDocuments.read("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                    + "<policies><outbound><base /></outbound><inbound /><on-error></on-error></policies>");
            assertTrue(document.has(Section.INBOUND));
            assertTrue(document.section(Section.INBOUND).isEmpty());
            assertTrue(document.section(Section.OUTBOUND).get(0).isBase());
            assertTrue(document.has(Section.ON_ERROR));
            assertFalse(document.has(Section.BACKEND));
        }

        @Test
        void baseStaysWhereItIsWrittenAmongTheStatements() throws Exception {
            PolicyDocument document = PolicyDocuments.read(inSection("inbound",
                    "<set-variable name=\"a\" value=\"1\" />\n<base />\n<set-variable name=\"b\" value=\"2\" />"));
            assertEquals(List.of("set-variable", "base", "set-variable"),
                    document.section(Section.INBOUND).stream().map(PolicyElement::name).toList());
        }

        @Test
        void positionsAreWhereStartTagsBegin() throws Exception {
            PolicyElement choose = only("inbound", "    <choose>\n      <when\n          condition=\"true\">"
                    + "<set-variable name=\"a\" value=\"1\" /></when>\n    </choose>", PolicyFormat.XML);
            assertEquals(3, choose.line());
            assertEquals(5, choose.column());
            PolicyElement when = choose.children().get(0);
            assertEquals(4, when.line());
            assertEquals(7, when.column());
            assertEquals(5, when.children().get(0).line());
            assertEquals(28, when.children().get(0).column());
        }

        @Test
        void windowsLineEndingsKeepPositions() throws Exception {
            String document = "<policies>\r\n  <inbound>\r\n    <set-variable\r\n      name=\"a\" value=\"1\" />"
                    + "\r\n  </inbound>\r\n</policies>";
            for (PolicyFormat format : PolicyFormat.values()) {
                PolicyElement variable = PolicyDocuments.read(document, format).section(Section.INBOUND).get(0);
                assertEquals(3, variable.line());
                assertEquals(5, variable.column());
            }
        }

        @Test
        void commentsAreSkippedAndCdataIsText() throws Exception {
            PolicyElement header = only("inbound", "<!-- note -->\n<set-header name=\"a\"><value><![CDATA[x<y]]>"
                    + "</value><!-- c --></set-header>", PolicyFormat.XML);
            assertEquals("x<y", header.children().get(0).text().evaluate(api("")));
            assertNull(header.text());
        }

        @Test
        void policiesNestedInContainersAreCheckedAsStatements() throws Exception {
            PolicyElement outer = only("backend", "<choose><when condition=\"true\">"
                    + "<choose><when condition=\"false\"><forward-request timeout=\"5\" /></when><otherwise>"
                    + "<forward-request /></otherwise></choose></when></choose>", PolicyFormat.XML);
            PolicyElement choose = outer.children("when").get(0).children().get(0);
            assertEquals("forward-request", choose.children("otherwise").get(0).children().get(0).name());
        }
    }

    @Nested
    class RawXml {

        @Test
        void anExpressionReadsAlikeEscapedAsXmlAndUnescapedAsRawxml() throws Exception {
            String raw = "@(context.Api.Id == \"x\" && 1 < 2 && 3 > 2)";
            String escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
            for (String body : List.of("<set-variable name=\"a\" value=\"" + escaped + "\" />",
                    "<set-variable name=\"a\" value=\"" + raw + "\" />")) {
                PolicyFormat format = body.contains(raw) ? PolicyFormat.RAWXML : PolicyFormat.XML;
                PolicyElement variable = only("inbound", body, format);
                assertTrue(variable.attribute("value").evaluateCondition(api("x")), body);
                assertFalse(variable.attribute("value").evaluateCondition(api("y")), body);
            }
        }

        @Test
        void elementTextMayHoldThemToo() throws Exception {
            PolicyElement header = only("inbound", "<set-header name=\"a\"><value>@(context.Api.Id.Length < 5"
                    + " ? \"<short>\" : \"long & wide\")</value></set-header>", PolicyFormat.RAWXML);
            assertEquals("<short>", header.children().get(0).text().evaluate(api("x")));
            PolicyElement own = only("inbound", "<set-header name=\"a\">\n  <value>\n    @(1 < 2 && true)\n  </value>"
                    + "\n</set-header>", PolicyFormat.RAWXML);
            assertEquals(true, own.children().get(0).text().evaluate(api("x")));
        }

        @Test
        void stringsInExpressionsMayHoldBracketsQuotesAndTheOtherQuote() throws Exception {
            PolicyElement variable = only("inbound", "<set-variable name='a' value='@(\")\\\"'\" + @\"(\"\"<\")' />",
                    PolicyFormat.RAWXML);
            assertEquals(")\"'(\"<", variable.attribute("value").evaluate(api("")));
        }

        @Test
        void columnsStayWhereTheAuthorWroteThem() throws Exception {
            PolicyElement choose = only("inbound", "<choose><when condition=\"@(1 < 2 && \"a\" != \"b\")\">"
                    + "<set-variable name=\"a\" value=\"1\" /></when></choose>", PolicyFormat.RAWXML);
            assertEquals(50, choose.children().get(0).children().get(0).column());
        }

        @Test
        void aMultiStatementBlockStillParsesAndIsRefusedAsSuch() {
            PolicyDocumentException refused = assertThrows(PolicyDocumentException.class, () -> only("inbound",
                    "<set-variable name=\"a\" value=\"@{ if (1 < 2) { return \"}\"; } return null; }\" />",
                    PolicyFormat.RAWXML));
            assertEquals("<set-variable> at line 3: the expression in the attribute 'value': a multi-statement"
                    + " expression @{...} is not supported; write one @(...) expression (column 1)",
                    refused.getMessage());
        }

        @Test
        void escapedDocumentsReadTheSameInBothFormatsWhenTheyHoldNoExpressionCharacters() throws Exception {
            String body = "<rate-limit calls=\"20\" renewal-period=\"90\" />";
            assertEquals(only("inbound", body, PolicyFormat.XML).attributes().keySet(),
                    only("inbound", body, PolicyFormat.RAWXML).attributes().keySet());
        }

        @Test
        void thePlaceholderCharactersAreRefused() {
            PolicyDocumentException refused = assertThrows(PolicyDocumentException.class, () -> only("inbound",
                    "<set-variable name=\"a\" value=\"\uE000\" />", PolicyFormat.RAWXML));
            assertEquals("line 3: the character U+E000 is not allowed in a rawxml document", refused.getMessage());
        }
    }

    static PolicyContext api(String id) {
        return new MapContext().with(ContextValue.API_ID, id);
    }
}
