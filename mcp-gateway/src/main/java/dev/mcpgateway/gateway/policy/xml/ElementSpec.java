package dev.mcpgateway.gateway.policy.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an element may hold: its supported attributes and the rules among them, its child elements, whether its
 * children are policy statements ({@code retry}, {@code when}) and whether it has a text value ({@code <value>}).
 *
 * @param required attributes that must be present
 * @param oneOf groups of attributes of which at least one must be present
 * @param requires an attribute mapped to another that must then be present too
 */
public record ElementSpec(String name, Map<String, AttributeSpec> attributes, Set<String> required,
                          List<List<String>> oneOf, Map<String, String> requires, Map<String, ElementSpec> children,
                          boolean policies, boolean text) {

    public static Builder element(String name) {
        return new Builder(name);
    }

    /** Declares an element in the order APIM's reference lists its attributes. */
    public static final class Builder {

        private final String name;
        private final Map<String, AttributeSpec> attributes = new LinkedHashMap<>();
        private final Set<String> required = new LinkedHashSet<>();
        private final List<List<String>> oneOf = new ArrayList<>();
        private final Map<String, String> requires = new LinkedHashMap<>();
        private final Map<String, ElementSpec> children = new LinkedHashMap<>();
        private boolean policies;
        private boolean text;

        private Builder(String name) {
            this.name = name;
        }

        /** Attributes that take a policy expression or text. */
        public Builder attributes(String... names) {
            for (String attribute : names) {
                attributes.put(attribute, new AttributeSpec(attribute, true, Set.of()));
            }
            return this;
        }

        /** Attributes where APIM allows no expression (names of headers and variables, fixed numbers). */
        public Builder literals(String... names) {
            for (String attribute : names) {
                attributes.put(attribute, new AttributeSpec(attribute, false, Set.of()));
            }
            return this;
        }

        /** Restricts a declared attribute to a closed set of words. */
        public Builder words(String attribute, String... words) {
            AttributeSpec declared = attributes.get(attribute);
            attributes.put(attribute, new AttributeSpec(attribute, declared.expressions(), Set.of(words)));
            return this;
        }

        public Builder required(String... names) {
            required.addAll(List.of(names));
            return this;
        }

        public Builder oneOf(String... names) {
            oneOf.add(List.of(names));
            return this;
        }

        public Builder requires(String attribute, String other) {
            requires.put(attribute, other);
            return this;
        }

        public Builder child(ElementSpec child) {
            children.put(child.name(), child);
            return this;
        }

        public Builder policies() {
            policies = true;
            return this;
        }

        public Builder text() {
            text = true;
            return this;
        }

        public ElementSpec build() {
            return new ElementSpec(name, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                    Collections.unmodifiableSet(new LinkedHashSet<>(required)), List.copyOf(oneOf),
                    Map.copyOf(requires), Collections.unmodifiableMap(new LinkedHashMap<>(children)), policies, text);
        }
    }
}
