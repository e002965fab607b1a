package dev.mcpgateway.gateway.policy.xml;

import dev.mcpgateway.gateway.policy.expression.Expression;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Gives the elements of a document their meaning from the {@link PolicyCatalog}, refusing what it does not hold. */
final class DocumentReader {

    private DocumentReader() {
    }

    static PolicyDocument read(XmlElement root) throws PolicyDocumentException {
        if (!root.name().equals("policies")) {
            throw new PolicyDocumentException(root.name(), root.line(), "a policy document starts with <policies>");
        }
        bare(root);
        Map<Section, List<PolicyElement>> sections = new EnumMap<>(Section.class);
        for (XmlElement child : root.children()) {
            Section section = Section.byXmlName(child.name());
            if (section == null) {
                throw new PolicyDocumentException(child.name(), child.line(), "is not a section; <policies> holds"
                        + " <inbound>, <backend>, <outbound> and <on-error>");
            }
            if (sections.containsKey(section)) {
                throw new PolicyDocumentException(child.name(), child.line(), "appears twice");
            }
            bare(child);
            sections.put(section, statements(child.children(), section, true));
        }
        return new PolicyDocument(sections);
    }

    private static List<PolicyElement> statements(List<XmlElement> elements, Section section, boolean sectionLevel)
            throws PolicyDocumentException {
        List<PolicyElement> statements = new ArrayList<>();
        boolean based = false;
        for (XmlElement element : elements) {
            if (element.name().equals(PolicyElement.BASE)) {
                if (!sectionLevel) {
                    throw new PolicyDocumentException(element.name(), element.line(), "can only be a direct child of"
                            + " a section, not nested in another policy");
                }
                if (based) {
                    throw new PolicyDocumentException(element.name(), element.line(), "appears twice in <"
                            + section.xmlName() + ">");
                }
                based = true;
            }
            statements.add(statement(element, section));
        }
        return statements;
    }

    private static PolicyElement statement(XmlElement element, Section section) throws PolicyDocumentException {
        CatalogEntry entry = PolicyCatalog.entry(element.name());
        if (entry == null) {
            throw new PolicyDocumentException(element.name(), element.line(), "is not an API Management policy");
        }
        if (entry instanceof CatalogEntry.Refused refused) {
            throw new PolicyDocumentException(element.name(), element.line(), "is not supported: "
                    + refused.reason());
        }
        CatalogEntry.Supported supported = (CatalogEntry.Supported) entry;
        if (!supported.sections().contains(section)) {
            throw new PolicyDocumentException(element.name(), element.line(), "is not allowed in <"
                    + section.xmlName() + "> (allowed in " + sections(supported) + ")");
        }
        return element(element, supported.element(), section);
    }

    private static PolicyElement element(XmlElement element, ElementSpec spec, Section section)
            throws PolicyDocumentException {
        Map<String, Expression> attributes = Attributes.compile(element, spec);
        Expression text = null;
        if (element.text() != null) {
            if (!spec.text()) {
                throw new PolicyDocumentException(element.name(), element.line(), "takes no text");
            }
            text = Attributes.expression(element, "its text", element.text());
        }
        List<PolicyElement> children = new ArrayList<>();
        if (spec.policies()) {
            children.addAll(statements(element.children(), section, false));
        } else {
            for (XmlElement child : element.children()) {
                ElementSpec childSpec = spec.children().get(child.name());
                if (childSpec == null) {
                    throw new PolicyDocumentException(child.name(), child.line(), "is not supported in <"
                            + element.name() + ">" + (spec.children().isEmpty() ? ", which takes no child elements"
                            : " (supported: " + String.join(", ", spec.children().keySet()) + ")"));
                }
                children.add(element(child, childSpec, section));
            }
        }
        return new PolicyElement(element.name(), attributes, children, text, element.line(), element.column());
    }

    /** {@code <policies>} and the sections take neither attributes nor text. */
    private static void bare(XmlElement element) throws PolicyDocumentException {
        if (!element.attributes().isEmpty()) {
            throw new PolicyDocumentException(element.name(), element.line(), "takes no attributes");
        }
        if (element.text() != null) {
            throw new PolicyDocumentException(element.name(), element.line(), "takes no text");
        }
    }

    private static String sections(CatalogEntry.Supported supported) {
        return String.join(", ", supported.sections().stream().sorted().map(Section::xmlName).toList());
    }
}
