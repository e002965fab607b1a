package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.PreconditionFailedException;
import dev.mcpgateway.gateway.state.ResourceConflictException;
import dev.mcpgateway.gateway.state.ResourceNotFoundException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.NotAllowedException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading admin bodies and turning the state's exceptions into problems: one mapping for every admin route. */
public final class AdminRequests {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRequests.class);

    private final ObjectMapper json;

    public AdminRequests(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode parse(String body) throws InvalidDefinitionException {
        if (body == null || body.isBlank()) {
            throw new InvalidDefinitionException("body", "is required: a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            // the parser's location is useful; its message may quote the body, so only the position is kept
            var location = e.getLocation();
            throw new InvalidDefinitionException("body", "is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + ")"));
        }
    }

    /** The response for a failed admin call; never the exception's internal text except our own messages. */
    public HttpResponse<?> problem(Exception failure) {
        return switch (failure) {
            case InvalidDefinitionException e -> Problem.invalidField(e.field(), e.getMessage()).toResponse();
            case ResourceNotFoundException e -> Problem.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage())
                    .toResponse();
            case ResourceConflictException e -> Problem.of(HttpStatus.CONFLICT, "Conflict", e.getMessage())
                    .toResponse();
            case PreconditionFailedException e -> Problem.of(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                    e.getMessage()).toResponse();
            case NotAllowedException e -> Problem.of(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                            e.getRequestMethod() + " is not served on " + e.getUri() + "; allowed: "
                                    + String.join(", ", e.getAllowedMethods())).toResponse()
                    .header(io.micronaut.http.HttpHeaders.ALLOW, String.join(", ", e.getAllowedMethods()));
            case IOException e -> {
                LOG.error("admin change could not be persisted", e);
                yield Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Storage failure",
                        "The change could not be saved to the data directory; nothing was changed.").toResponse();
            }
            default -> {
                LOG.error("admin request failed", failure);
                yield Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                        "The request could not be completed.").toResponse();
            }
        };
    }
}
