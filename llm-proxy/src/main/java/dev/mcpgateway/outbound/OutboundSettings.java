package dev.mcpgateway.outbound;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What is fixed for every exchange of one client.
 *
 * @param connectTimeout      for opening a connection (the exchange's own timeout bounds the rest)
 * @param trustedCertificates a PEM file of CAs https backends may present on top of the JDK's, if any
 * @param trustSetting        the setting that named that file, for the start-up error when it cannot be read
 * @param threadName          the name of the client's own event-loop thread (used for calls not received by Netty)
 */
public record OutboundSettings(Duration connectTimeout, Optional<String> trustedCertificates, String trustSetting,
                               String threadName) {

    public OutboundSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(trustedCertificates, "trustedCertificates");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
    }
}
