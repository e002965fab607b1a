package dev.mcpgateway.gateway.admin;

import dev.mcpgateway.gateway.config.InvalidDefinitionException;

/** Checks on the identifiers the authorization-server admin routes take, failing with the field named. */
final class AuthAdminInput {

    // client ids are UUIDs or metadata document URLs, subjects Entra object ids or an IdP's sub: bounded, printable
    private static final int MAX_LENGTH = 512;

    private AuthAdminInput() {
    }

    static String required(String field, String value) throws InvalidDefinitionException {
        if (value == null || value.isBlank()) {
            throw new InvalidDefinitionException(field, "is required");
        }
        if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidDefinitionException(field, "must be at most " + MAX_LENGTH
                    + " characters without control characters");
        }
        return value;
    }
}
