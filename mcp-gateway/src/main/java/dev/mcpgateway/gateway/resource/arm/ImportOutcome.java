package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What happened to one resource of the export.
 *
 * @param armType the resource type as declared, e.g. {@code Microsoft.ApiManagement/service/backends}; for a child
 *                declared inside its parent, the full type
 * @param name    the resource's name below the service, e.g. {@code openai-east} or {@code azure-openai/policy}; the
 *                declared text when it could not be evaluated
 * @param reason  why, written for the person importing; empty when the resource was taken as is
 */
public record ImportOutcome(Outcome outcome, String armType, String name, String reason) {

    public enum Outcome {
        TAKEN("taken"),
        LEFT_OUT("leftOut");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
