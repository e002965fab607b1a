package dev.mcpgateway.openapi.http;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks, once at import, that a path template's placeholders and the path parameters match one to one. */
final class PathTemplate {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

    private PathTemplate() {
    }

    static void check(String template, List<ParameterBinding> parameters, List<ConstantParameter> constants) {
        var declared = new HashSet<String>();
        parameters.stream().filter(p -> p.in() == ParameterLocation.PATH).forEach(p -> declared.add(p.wireName()));
        constants.stream().filter(c -> c.in() == ParameterLocation.PATH).forEach(c -> declared.add(c.wireName()));
        var used = new HashSet<String>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        for (String name : used) {
            if (!declared.contains(name)) {
                throw new IllegalArgumentException("path " + template + " uses {" + name + "} with no path parameter");
            }
        }
        for (String name : declared) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("path parameter " + name + " does not appear in " + template);
            }
        }
    }
}
