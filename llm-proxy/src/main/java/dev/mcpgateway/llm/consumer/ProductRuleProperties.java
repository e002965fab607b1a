package dev.mcpgateway.llm.consumer;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One entry of the ordered list {@code llm.auth.product-rules}: a gateway-token caller whose claim {@code claim}
 * holds {@code value} belongs to product {@code product}.
 */
@EachProperty(value = ProductRuleProperties.PREFIX, list = true)
public class ProductRuleProperties {

    public static final String PREFIX = GatewayTokenSettings.PREFIX + ".product-rules";

    private final int index;
    private String claim;
    private String value;
    private String product;

    public ProductRuleProperties(@Parameter Integer index) {
        this.index = index;
    }

    /** Position in the list: rules are tried in this order. */
    public int getIndex() {
        return index;
    }

    public String getClaim() {
        return claim;
    }

    public void setClaim(String claim) {
        this.claim = claim;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }
}
