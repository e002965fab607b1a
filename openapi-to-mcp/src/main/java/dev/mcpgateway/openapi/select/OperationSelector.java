package dev.mcpgateway.openapi.select;

import dev.mcpgateway.openapi.SelectionRule;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Applies include/exclude rules: no include rules means everything is included; exclude always wins. */
public final class OperationSelector {

    private final List<Compiled> include;
    private final List<Compiled> exclude;

    public OperationSelector(List<SelectionRule> include, List<SelectionRule> exclude) {
        this.include = include.stream().map(Compiled::new).toList();
        this.exclude = exclude.stream().map(Compiled::new).toList();
    }

    /** Null when selected, else the reason it is not. */
    public String rejection(String operationId, List<String> tags, String path, String method) {
        for (Compiled rule : exclude) {
            if (rule.matches(operationId, tags, path, method)) {
                return "excluded by rule " + rule.rule.kind().name().toLowerCase(Locale.ROOT) + " "
                        + rule.rule.pattern();
            }
        }
        if (include.isEmpty() || include.stream().anyMatch(r -> r.matches(operationId, tags, path, method))) {
            return null;
        }
        return "matches no include rule";
    }

    private static final class Compiled {
        private final SelectionRule rule;
        private final Pattern pattern;

        Compiled(SelectionRule rule) {
            this.rule = rule;
            this.pattern = Glob.compile(rule.pattern(), rule.kind() == SelectionRule.Kind.PATH);
        }

        boolean matches(String operationId, List<String> tags, String path, String method) {
            return switch (rule.kind()) {
                case OPERATION_ID -> operationId != null && pattern.matcher(operationId).matches();
                case TAG -> tags.stream().anyMatch(t -> pattern.matcher(t).matches());
                case PATH -> pattern.matcher(path).matches();
                case METHOD -> pattern.matcher(method).matches();
            };
        }
    }
}
