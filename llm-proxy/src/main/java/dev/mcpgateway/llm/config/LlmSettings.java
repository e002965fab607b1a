package dev.mcpgateway.llm.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Optional;

/**
 * The proxy-wide settings under {@code llm.} (gateway.yml's {@code llm:} section). Resources (backends, pools,
 * APIs, products, subscriptions) are no properties: they are compiled elsewhere and put into the registries.
 */
@ConfigurationProperties(LlmSettings.PREFIX)
public class LlmSettings {

    public static final String PREFIX = "llm";
    public static final int DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private boolean subscriptionRequired = true;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int retryCount = 2;
    private String retryFormula = "fixed";
    private Duration retryInterval = Duration.ZERO;
    private Duration retryDelta = Duration.ZERO;
    private Duration retryMaxInterval = Duration.ofSeconds(30);
    private boolean retryFirstFast = true;
    private String trustedCertificates;

    /** Largest request body accepted (413 above it). */
    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Largest non-streamed upstream response relayed (502 above it); streams are not buffered. */
    public int getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * Whether callers of the built-in APIs must present a subscription key (default true: no anonymous model use).
     * A registered API says so itself.
     */
    public boolean isSubscriptionRequired() {
        return subscriptionRequired;
    }

    public void setSubscriptionRequired(boolean subscriptionRequired) {
        this.subscriptionRequired = subscriptionRequired;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getRetryCount() {
        return retryCount;
    }

    public void setRetryCount(int retryCount) {
        this.retryCount = retryCount;
    }

    public String getRetryFormula() {
        return retryFormula;
    }

    public void setRetryFormula(String retryFormula) {
        this.retryFormula = retryFormula;
    }

    public Duration getRetryInterval() {
        return retryInterval;
    }

    public void setRetryInterval(Duration retryInterval) {
        this.retryInterval = retryInterval;
    }

    public Duration getRetryDelta() {
        return retryDelta;
    }

    public void setRetryDelta(Duration retryDelta) {
        this.retryDelta = retryDelta;
    }

    public Duration getRetryMaxInterval() {
        return retryMaxInterval;
    }

    public void setRetryMaxInterval(Duration retryMaxInterval) {
        this.retryMaxInterval = retryMaxInterval;
    }

    public boolean isRetryFirstFast() {
        return retryFirstFast;
    }

    public void setRetryFirstFast(boolean retryFirstFast) {
        this.retryFirstFast = retryFirstFast;
    }

    /**
     * A PEM file of CA (or self-signed) certificates that https backends may also present, on top of the JDK's
     * trusted CAs: for model servers behind a private CA. Unset: the JDK's CAs only.
     */
    public Optional<String> getTrustedCertificates() {
        return Optional.ofNullable(trustedCertificates).filter(path -> !path.isBlank());
    }

    public void setTrustedCertificates(String trustedCertificates) {
        this.trustedCertificates = trustedCertificates;
    }
}
