package dev.mcpgateway.gateway.startup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The gateway's start-up switches ({@code gateway.*} properties, set from the command line by GatewayApplication).
 *
 * @param configFile the gateway.yml to read, if any
 * @param dataDir    where admin changes are kept
 * @param samples    start the sample shop API in-process
 */
public record GatewaySettings(Optional<Path> configFile, Path dataDir, boolean samples) {

    public static final String PREFIX = "gateway";
    public static final String DEFAULT_DATA_DIR = "./data";
}
