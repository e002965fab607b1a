package dev.mcpgateway.gateway.catalog;

/**
 * The two trust levels of a spec source. gateway.yml is the operator's, read at start-up: its specs may be any file
 * the process can read and any URL (still pinned, capped and redirect-bounded). The admin API takes specs over the
 * network: URLs pass the address policy and local files must lie in the allowed folder.
 */
public record SpecSourceRules(SpecSources declared, SpecSources admin) {
}
