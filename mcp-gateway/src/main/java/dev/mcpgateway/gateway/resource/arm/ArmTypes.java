package dev.mcpgateway.gateway.resource.arm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Why each resource type this gateway does not model is left out, and how a type's names read in the report. */
final class ArmTypes {

    static final String NAMESPACE = "microsoft.apimanagement/";

    private static final String PORTAL_CONTENT = "developer portal settings and content are not modelled here";
    private static final String GATEWAY_SETTINGS = " are configured as gateway settings here";
    private static final String TAGS = "tags are not modelled here";
    private static final String GROUPS = "developer portal groups are not modelled here";
    private static final String SELF_HOSTED = "self-hosted gateway registrations describe Azure infrastructure; "
            + "nothing to import";
    private static final String WORKSPACES = "workspaces are not modelled here; "
            + "import each workspace's APIs and backends from an export of that workspace";

    /** Keyed by the lower-cased type after {@code Microsoft.ApiManagement/}. */
    private static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("service", "the service resource itself describes Azure infrastructure (SKU, region); "
                    + "nothing to import"),
            Map.entry("service/loggers", "loggers" + GATEWAY_SETTINGS),
            Map.entry("service/diagnostics", "diagnostics (sampling and request logging)" + GATEWAY_SETTINGS),
            Map.entry("service/apis/diagnostics", "diagnostics (sampling and request logging)" + GATEWAY_SETTINGS),
            Map.entry("service/certificates", "certificates are configured as gateway TLS settings here"),
            Map.entry("service/authorizationservers",
                    "OAuth authorization servers are configured in the gateway's auth settings here"),
            Map.entry("service/openidconnectproviders",
                    "OpenID Connect providers are configured in the gateway's auth settings here"),
            Map.entry("service/authorizationproviders",
                    "credential manager connections are not modelled here; give the backend its credentials"),
            Map.entry("service/users",
                    "developer portal users are not modelled here; subscriptions stand on their own"),
            Map.entry("service/groups", GROUPS),
            Map.entry("service/groups/users", GROUPS),
            Map.entry("service/products/groups", GROUPS),
            Map.entry("service/products/grouplinks", GROUPS),
            Map.entry("service/identityproviders", "developer portal sign-in providers are not modelled here"),
            Map.entry("service/portalsettings", PORTAL_CONTENT),
            Map.entry("service/portalconfigs", PORTAL_CONTENT),
            Map.entry("service/portalrevisions", PORTAL_CONTENT),
            Map.entry("service/contenttypes", PORTAL_CONTENT),
            Map.entry("service/contenttypes/contentitems", PORTAL_CONTENT),
            Map.entry("service/templates", PORTAL_CONTENT),
            Map.entry("service/notifications", PORTAL_CONTENT),
            Map.entry("service/apis/wikis", PORTAL_CONTENT),
            Map.entry("service/products/wikis", PORTAL_CONTENT),
            Map.entry("service/apis/issues", PORTAL_CONTENT),
            Map.entry("service/apiversionsets",
                    "API version sets are not modelled here; each version is imported as its own API"),
            Map.entry("service/tags", TAGS),
            Map.entry("service/apis/tags", TAGS),
            Map.entry("service/apis/operations/tags", TAGS),
            Map.entry("service/products/tags", TAGS),
            Map.entry("service/apis/schemas",
                    "API schemas are not modelled here; the API's OpenAPI document carries its schemas"),
            Map.entry("service/apis/releases", "API releases (revision history) are not modelled here"),
            Map.entry("service/policyfragments",
                    "policy fragments are not modelled yet; inline the fragment where a policy includes it"),
            Map.entry("service/gateways", SELF_HOSTED),
            Map.entry("service/gateways/apis", SELF_HOSTED),
            Map.entry("service/gateways/hostnameconfigurations", SELF_HOSTED));

    private static final String NESTED_DEPLOYMENT = "microsoft.resources/deployments";

    private ArmTypes() {
    }

    static String leftOutReason(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals(NESTED_DEPLOYMENT)) {
            return "linked and nested deployments are not followed; import the template they deploy";
        }
        if (!lower.startsWith(NAMESPACE)) {
            return "not an API Management resource this gateway models";
        }
        String suffix = lower.substring(NAMESPACE.length());
        if (suffix.startsWith("service/workspaces")) {
            return WORKSPACES;
        }
        return LEFT_OUT.getOrDefault(suffix, "not an API Management resource this gateway models");
    }

    /** How many names a resource of {@code type} has, the service's included: 2 for {@code service/backends}. */
    static int nameCount(String type) {
        return type.split("/").length - 1;
    }

    /** The name below the service ({@code azure-openai/policy}), or the whole name for the service and others. */
    static String displayName(String type, List<String> names) {
        boolean startsWithService = type.toLowerCase(Locale.ROOT).startsWith(NAMESPACE + "service")
                && names.size() == nameCount(type) && names.size() > 1;
        return String.join("/", startsWithService ? names.subList(1, names.size()) : names);
    }
}
