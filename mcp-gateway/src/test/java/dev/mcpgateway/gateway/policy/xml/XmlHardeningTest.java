package dev.mcpgateway.gateway.policy.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader expands no entity and fetches nothing: any DOCTYPE is refused before it could. */
class XmlHardeningTest {

    private static final String REFUSED = "a DOCTYPE or entity declaration is not allowed in a policy document";

    @Test
    void anExternalEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE policies [\n  <!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">\n]>\n<policies><inbound><set-variable name=\"a\" value=\"&xxe;\" /></inbound></policies>";
        for (PolicyFormat format : PolicyFormat.values()) {
            PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                    () -> PolicyDocuments.read(document, format));
            assertEquals("line 4: " + REFUSED, refused.getMessage());
            assertNull(refused.element());
            assertFalse(refused.getMessage().contains("TOP-SECRET"));
        }
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        PolicyDocumentException refused = assertThrows(PolicyDocumentException.class, () -> PolicyDocuments.read(
                "<!DOCTYPE policies SYSTEM \"http://127.0.0.1:9/policies.dtd\">\n<policies />"));
        assertEquals("line 1: " + REFUSED, refused.getMessage());
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
                + "<policies><inbound><set-variable name=\"a\" value=\"&lol3;\" /></inbound></policies>";
        PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                () -> PolicyDocuments.read(laughs));
        assertEquals("line 6: " + REFUSED, refused.getMessage());
    }

    @Test
    void deeplyNestedDocumentsAreRefused() {
        String deep = "<choose><when condition=\"true\">".repeat(40) + "</when></choose>".repeat(40);
        PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                () -> PolicyDocuments.read("<policies><inbound>" + deep + "</inbound></policies>"));
        assertEquals("<choose> at line 1: is nested deeper than 64 elements", refused.getMessage());
    }

    @Test
    void anUndeclaredEntityIsNotWellFormedAndTheParserTextStaysInside() {
        PolicyDocumentException refused = assertThrows(PolicyDocumentException.class, () -> PolicyDocuments.read(
                "<policies>\n<inbound><set-variable name=\"a\" value=\"&nope;\" /></inbound></policies>"));
        assertEquals("line 2: the document is not well-formed XML", refused.getMessage());
    }
}
