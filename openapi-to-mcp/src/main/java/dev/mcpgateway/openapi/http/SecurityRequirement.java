package dev.mcpgateway.openapi.http;

import java.util.List;

/**
 * One alternative of an operation's {@code security} list: all its schemes must be satisfied together. An
 * alternative with no schemes ({@code {}} in OpenAPI) means the operation may also be called anonymously.
 */
public record SecurityRequirement(List<SecurityScheme> schemes) {

    public SecurityRequirement {
        schemes = List.copyOf(schemes);
    }

    public boolean anonymous() {
        return schemes.isEmpty();
    }
}
