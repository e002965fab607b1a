package dev.mcpgateway.gateway.policy.identity;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Documents the identity policies cannot apply are refused when written, naming the element and its line. */
class IdentityPolicyRefusalsTest {

    private static final String CONFIG = "<openid-config url=\"https://login.example.com/.well-known/openid-configuration\" />";

    private static String validateJwt(String attributes, String children) {
        return refused(inbound("<validate-jwt header-name=\"Authorization\" " + attributes + ">\n" + children
                + "\n</validate-jwt>"), new ValidateJwtFactory());
    }

    private static String key(String key) {
        return validateJwt("", "<issuer-signing-keys>\n" + key + "\n</issuer-signing-keys>");
    }

    @Nested
    class ValidateJwt {

        @Test
        void withoutAnyKeyItIsRefused() {
            assertEquals("<validate-jwt> at line 3: needs an <openid-config> or <issuer-signing-keys> with a <key>:"
                    + " without keys no token can be verified", validateJwt("", ""));
        }

        @Test
        void aConfigurationUrlThatIsNoHttpUrlIsRefused() {
            assertEquals("<openid-config> at line 4: the attribute 'url' must be an absolute http(s) URL",
                    validateJwt("", "<openid-config url=\"file:///etc/keys.json\" />"));
        }

        @Test
        void twoPlacesForTheTokenAreRefused() {
            assertEquals("<validate-jwt> at line 3: write only one of 'header-name', 'query-parameter-name' and"
                    + " 'token-value'", validateJwt("query-parameter-name=\"token\"", CONFIG));
        }

        @Test
        void aClockSkewThatIsNoNumberOfSecondsIsRefused() {
            assertEquals("<validate-jwt> at line 3: the attribute 'clock-skew' must be a whole number of seconds from"
                    + " 0 to 86400, not '00:05:00'", validateJwt("clock-skew=\"00:05:00\"", CONFIG));
        }

        @Test
        void aStatusThatIsNoStatusIsRefused() {
            assertEquals("<validate-jwt> at line 3: the attribute 'failed-validation-httpcode' must be a status code"
                    + " from 200 to 599, not '4011'", validateJwt("failed-validation-httpcode=\"4011\"", CONFIG));
        }

        @Test
        void anEmptyAudienceIsRefused() {
            assertEquals("<audience> at line 6: is empty", validateJwt("", CONFIG + "\n<audiences>\n<audience> "
                    + "</audience>\n</audiences>"));
        }

        @Test
        void aKeyThatIsNoBase64IsRefused() {
            assertEquals("<key> at line 5: is not Base64", key("<key>not base64!</key>"));
        }

        @Test
        void aSymmetricKeyShorterThan256BitsIsRefused() {
            assertEquals("<key> at line 5: a symmetric key must be at least 256 bits (32 bytes)",
                    key("<key>c2hvcnQ=</key>"));
        }

        @Test
        void anRsaKeyNeedsBothModulusAndExponent() {
            assertEquals("<key> at line 5: an RSA key is written as both 'n' and 'e', and no text",
                    key("<key n=\"AQAB\" />"));
        }

        @Test
        void aKeyWrittenAsAnExpressionIsRefused() {
            assertEquals("<key> at line 5: takes no expression: write the key in Base64",
                    key("<key>@(context.Api.Id)</key>"));
        }

        @Test
        void aClaimWithoutNameIsRefused() {
            assertEquals("<claim> at line 6: the attribute 'name' is empty", validateJwt("", CONFIG
                    + "\n<required-claims>\n<claim name=\"\"><value>x</value></claim>\n</required-claims>"));
        }
    }

    @Nested
    class ValidateAzureAdToken {

        private static String refusal(String statement) {
            return refused(inbound(statement), new ValidateAzureAdTokenFactory("https://login.microsoftonline.com"));
        }

        @Test
        void withoutClientApplicationsItIsRefused() {
            assertEquals("<validate-azure-ad-token> at line 3: needs <client-application-ids> with at least one"
                    + " <application-id>", refusal("<validate-azure-ad-token tenant-id=\"contoso.onmicrosoft.com\" />"));
        }

        @Test
        void aTenantChosenPerCallIsRefused() {
            assertEquals("<validate-azure-ad-token> at line 3: the attribute 'tenant-id' takes no expression",
                    refusal("<validate-azure-ad-token tenant-id=\"@(context.Api.Id)\">"
                    + "<client-application-ids><application-id>a</application-id></client-application-ids>"
                    + "</validate-azure-ad-token>"));
        }

        @Test
        void aTenantThatIsNoIdOrDomainIsRefused() {
            assertEquals("<validate-azure-ad-token> at line 3: the attribute 'tenant-id' must be a tenant id or"
                    + " domain, such as contoso.onmicrosoft.com", refusal("<validate-azure-ad-token"
                    + " tenant-id=\"contoso/../common\"><client-application-ids><application-id>a</application-id>"
                    + "</client-application-ids></validate-azure-ad-token>"));
        }

        @Test
        void aClientApplicationWrittenAsAnExpressionIsRefused() {
            assertEquals("<application-id> at line 5: takes no expression", refusal("""
                    <validate-azure-ad-token tenant-id="contoso.onmicrosoft.com">
                    <client-application-ids>
                    <application-id>@(context.Api.Id)</application-id>
                    </client-application-ids>
                    </validate-azure-ad-token>"""));
        }
    }
}
