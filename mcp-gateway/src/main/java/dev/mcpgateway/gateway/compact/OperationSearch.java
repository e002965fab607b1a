package dev.mcpgateway.gateway.compact;

import dev.mcpgateway.gateway.catalog.ServedOperation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Keyword search over a server's operations: each query word found in an operation's name, description, path or
 * tags scores a point (the name counts double); ties keep the spec's order, so results are deterministic. Only the
 * operations the caller may see are candidates, so hidden ones neither show nor take a place within the limit.
 */
final class OperationSearch {

    private final List<ServedOperation> operations;
    private final List<String> haystacks;

    OperationSearch(List<ServedOperation> operations) {
        this.operations = operations;
        this.haystacks = operations.stream().map(OperationSearch::haystack).toList();
    }

    List<ServedOperation> search(String query, int limit, Predicate<ServedOperation> visible) {
        List<String> words = query == null ? List.of()
                : List.of(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isBlank()).toList();
        if (words.isEmpty()) {
            return operations.stream().filter(visible).limit(limit).toList();
        }
        List<int[]> scored = new ArrayList<>(); // {index, score}
        for (int i = 0; i < operations.size(); i++) {
            if (!visible.test(operations.get(i))) {
                continue;
            }
            String name = operations.get(i).tool().name().toLowerCase(Locale.ROOT);
            int score = 0;
            for (String word : words) {
                if (name.contains(word)) {
                    score += 2;
                } else if (haystacks.get(i).contains(word)) {
                    score += 1;
                }
            }
            if (score > 0) {
                scored.add(new int[] {i, score});
            }
        }
        return scored.stream()
                .sorted(Comparator.<int[]>comparingInt(s -> -s[1]).thenComparingInt(s -> s[0]))
                .limit(limit)
                .map(s -> operations.get(s[0]))
                .toList();
    }

    private static String haystack(ServedOperation served) {
        StringBuilder text = new StringBuilder();
        text.append(served.tool().name()).append(' ');
        if (served.tool().description() != null) {
            text.append(served.tool().description()).append(' ');
        }
        text.append(served.operation().path()).append(' ').append(served.operation().method()).append(' ');
        text.append(String.join(" ", served.operation().tags()));
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
