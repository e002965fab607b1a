package dev.mcpgateway.gateway.resource.arm;

/**
 * The document as a whole cannot be read as an API Management export or parameters file. The message is written for
 * the person importing and is safe to return; a single unusable resource is never this, it is a report line.
 */
public class ArmImportException extends Exception {

    public ArmImportException(String message) {
        super(message);
    }
}
