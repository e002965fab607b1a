package dev.mcpgateway.openapi;

import java.util.List;

/**
 * A spec source, or a file a {@code $ref} names, was refused by the {@link LocalFiles} rule before being opened.
 * The message names the rule and nothing about what is there.
 */
public final class SpecSourceRefusedException extends SpecImportException {

    public SpecSourceRefusedException(String rule) {
        super(rule, List.of());
    }
}
