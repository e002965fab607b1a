package dev.mcpgateway.llm.consumer;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which product a gateway-token caller belongs to: the first of {@code llm.auth.product-rules} whose claim matches,
 * otherwise {@code llm.auth.product}. The product then decides deployments and product-scoped limits exactly as for
 * subscription callers.
 *
 * <p>Compiled at start-up (a rule missing a field fails it, naming the entry). Whether each rule's product exists is
 * checked once every product is known, when the application has started (gateway.yml's products are declared by
 * then), and a rule or a default naming an unknown product stops the start.
 */
@Context
public class ProductRules {

    private final List<ProductRule> rules = new ArrayList<>();
    private final GatewayTokenSettings settings;
    private final ConsumerDirectory directory;

    public ProductRules(List<ProductRuleProperties> configured, GatewayTokenSettings settings,
                        ConsumerDirectory directory) {
        this.settings = settings;
        this.directory = directory;
        configured.stream().sorted(Comparator.comparingInt(ProductRuleProperties::getIndex)).forEach(p -> {
            try {
                rules.add(new ProductRule(p.getClaim(), p.getValue(), p.getProduct(),
                        ProductRuleProperties.PREFIX + "[" + p.getIndex() + "]"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** The caller's product: the first matching rule's, or the default product (possibly none). */
    public Optional<String> productFor(Map<String, Object> claims) {
        for (ProductRule rule : rules) {
            if (rule.matches(claims)) {
                return Optional.of(rule.product());
            }
        }
        return settings.getProduct();
    }

    public List<ProductRule> rules() {
        return List.copyOf(rules);
    }

    /** @throws IllegalStateException naming the default product or the first rule whose product does not exist */
    public void checkProductsExist() {
        settings.getProduct().filter(product -> directory.product(product).isEmpty()).ifPresent(product -> {
            throw new IllegalStateException(GatewayTokenSettings.PREFIX + ".product: product '" + product
                    + "' does not exist");
        });
        for (ProductRule rule : rules) {
            if (directory.product(rule.product()).isEmpty()) {
                throw new IllegalStateException(rule.key() + ".product: product '" + rule.product()
                        + "' does not exist");
            }
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        checkProductsExist();
    }
}
