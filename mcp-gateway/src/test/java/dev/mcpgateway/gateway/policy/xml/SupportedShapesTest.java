package dev.mcpgateway.gateway.policy.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every supported element, written with all its attributes and child elements, reads in each of its sections and is
 * refused in every other one; written with its required attributes only, it reads too.
 */
class SupportedShapesTest {

    @TestFactory
    Stream<DynamicTest> everySupportedElementReadsWhereAllowedAndIsRefusedElsewhere() {
        return PolicyCatalog.entries().stream().filter(CatalogEntry.Supported.class::isInstance)
                .map(CatalogEntry.Supported.class::cast)
                .flatMap(supported -> Stream.of(Section.values()).map(section -> DynamicTest.dynamicTest(
                        supported.name() + " in " + section.xmlName(), () -> check(supported, section))));
    }

    private static void check(CatalogEntry.Supported supported, Section section) throws Exception {
        String full = PolicyDocumentsTest.inSection(section.xmlName(), write(supported.element(), true));
        String minimal = PolicyDocumentsTest.inSection(section.xmlName(), write(supported.element(), false));
        if (supported.sections().contains(section)) {
            PolicyElement read = PolicyDocuments.read(full).section(section).get(0);
            assertEquals(supported.element().attributes().keySet(), read.attributes().keySet());
            assertEquals(supported.element().children().size() + (supported.element().policies() ? 1 : 0),
                    read.children().size());
            assertEquals(supported.name(), PolicyDocuments.read(minimal).section(section).get(0).name());
        } else {
            PolicyDocumentException refused = assertThrows(PolicyDocumentException.class,
                    () -> PolicyDocuments.read(minimal));
            assertTrue(refused.getMessage().startsWith("<" + supported.name() + "> at line 3: is not allowed in <"
                    + section.xmlName() + ">"), refused.getMessage());
        }
    }

    /** The element with all (or only the needed) attributes, each child element once, and a text where it takes one. */
    private static String write(ElementSpec element, boolean everything) {
        String attributes = element.attributes().values().stream()
                .filter(attribute -> everything || needed(element, attribute.name()))
                .map(attribute -> " " + attribute.name() + "=\"" + sample(attribute) + "\"")
                .collect(Collectors.joining());
        String children = everything ? element.children().values().stream().map(child -> write(child, true))
                .collect(Collectors.joining()) : "";
        String content = children + (element.policies() ? "<set-variable name=\"v\" value=\"1\" />" : "")
                + (element.text() ? "@(context.Api.Id)" : "");
        return "<" + element.name() + attributes + (content.isEmpty() ? " />" : ">" + content + "</"
                + element.name() + ">");
    }

    private static boolean needed(ElementSpec element, String attribute) {
        return element.required().contains(attribute)
                || element.oneOf().stream().anyMatch(group -> group.get(0).equals(attribute));
    }

    private static String sample(AttributeSpec attribute) {
        if (!attribute.values().isEmpty()) {
            return attribute.values().stream().sorted().findFirst().orElseThrow();
        }
        return attribute.expressions() ? "@(context.Api.Id)" : "1";
    }
}
