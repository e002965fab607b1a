package dev.mcpgateway.auth.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecretResolverTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("HOST", "api.example", "PORT", "8443",
            "app.key", "dotted", "LOOKS_LIKE_A_REFERENCE", "${HOST}-{{token}}");
    private static final Map<String, String> NAMED = Map.of("token", "t0k-secret", "backend-url",
            "https://{{token}}.example", "v1.key_x", "punctuated");

    private final SecretResolver resolver = new SecretResolver(ENVIRONMENT::get,
            name -> Optional.ofNullable(NAMED.get(name)).map(Secret::of));

    private String resolve(String configured) throws CredentialConfigException {
        return resolver.resolveText("backends.east.url", configured);
    }

    @Nested
    class AWholeValue {

        @Test
        void anEnvironmentReferenceIsTheVariablesValue() throws Exception {
            assertEquals("api.example", resolve("${HOST}"));
            assertEquals("dotted", resolve("${app.key}"));
        }

        @Test
        void aNamedValueReferenceIsTheNamedValue() throws Exception {
            assertEquals("t0k-secret", resolver.resolve("credentials.token", "{{token}}").reveal());
            assertEquals("punctuated", resolve("{{v1.key_x}}"));
        }

        @Test
        void whitespaceAroundAWholeReferenceIsDropped() throws Exception {
            assertEquals("api.example", resolve("  ${HOST}\n"));
        }

        @Test
        void textWithoutReferencesIsKeptExactly() throws Exception {
            assertEquals("  plain value ", resolve("  plain value "));
        }
    }

    @Nested
    class ReferencesInText {

        @Test
        void areReplacedWhereTheyStand() throws Exception {
            assertEquals("https://api.example/v1", resolve("https://${HOST}/v1"));
            assertEquals("Bearer t0k-secret", resolver.resolve("credentials.value", "Bearer {{token}}").reveal());
        }

        @Test
        void severalOfBothKindsResolveInOnePass() throws Exception {
            assertEquals("https://api.example:8443/t0k-secret/api.example",
                    resolve("https://${HOST}:${PORT}/{{token}}/${HOST}"));
        }

        @Test
        void aSubstitutedValueIsNotExpandedAgain() throws Exception {
            assertEquals("${HOST}-{{token}}", resolve("${LOOKS_LIKE_A_REFERENCE}"));
            assertEquals("x https://{{token}}.example", resolve("x {{backend-url}}"));
        }
    }

    @Nested
    class OddText {

        @Test
        void malformedReferencesArePlainText() throws Exception {
            for (String text : new String[] {"${HOST", "${}", "$HOST", "${1X}", "${A-B}", "{{ }}", "{{}}",
                    "{{a b}}", "{{token}", "{token}}", "{ {token}}", "price: $5 {x}"}) {
                assertEquals(text, resolve(text), text);
            }
        }

        @Test
        void aDoubledDollarEscapesAnEnvironmentReference() throws Exception {
            assertEquals("${HOST}", resolve("$${HOST}"));
            assertEquals("literal ${NOT_SET} and api.example", resolve("literal $${NOT_SET} and ${HOST}"));
        }

        @Test
        void onlyWellFormedReferencesCountAsReferences() {
            assertTrue(SecretResolver.containsReference("https://${HOST}/v1"));
            assertTrue(SecretResolver.containsReference("{{backend-url}}"));
            assertFalse(SecretResolver.containsReference("https://x/{id}?q=${"));
        }

        @Test
        void bracesAroundANamedValueReferenceStay() throws Exception {
            assertEquals("{t0k-secret}", resolve("{{{token}}}"));
        }
    }

    @Nested
    class WhenAReferenceDoesNotResolve {

        @Test
        void anUnsetVariableNamesTheFieldAndTheVariable() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> resolve("https://${HOST}/${MISSING_PATH}"));
            assertEquals("backends.east.url", e.field());
            assertEquals("environment variable MISSING_PATH is not set", e.reason());
        }

        @Test
        void anUnknownNamedValueNamesTheFieldAndTheName() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> resolver.resolve("credentials.token", "Bearer {{no-such-value}}"));
            assertEquals("credentials.token", e.field());
            assertEquals("named value 'no-such-value' does not exist", e.reason());
        }

        @Test
        void theMessageNeverCarriesAResolvedValue() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> resolve("{{token}}:${HOST}:${MISSING}"));
            assertFalse(e.getMessage().contains("t0k-secret"), e.getMessage());
            assertFalse(e.getMessage().contains("api.example"), e.getMessage());
        }

        @Test
        void withoutANamedValueSourceEveryNamedReferenceIsUnknown() {
            CredentialConfigException e = assertThrows(CredentialConfigException.class,
                    () -> new SecretResolver(ENVIRONMENT::get).resolveText("url", "{{token}}"));
            assertEquals("named value 'token' does not exist", e.reason());
        }
    }
}
