package dev.mcpgateway.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.mcpgateway.auth.admin.AuthAdministration;
import dev.mcpgateway.auth.authorize.AuthorizationRequestValidator;
import dev.mcpgateway.auth.authorize.PendingAuthorizations;
import dev.mcpgateway.auth.client.ClientAuthenticator;
import dev.mcpgateway.auth.client.ClientMetadataDocuments;
import dev.mcpgateway.auth.client.ClientRegistry;
import dev.mcpgateway.auth.client.Clients;
import dev.mcpgateway.auth.client.ssrf.AddressPolicy;
import dev.mcpgateway.auth.client.ssrf.Network;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.config.ProtectedResources;
import dev.mcpgateway.auth.consent.ConsentCookies;
import dev.mcpgateway.auth.consent.ConsentRecords;
import dev.mcpgateway.auth.consent.CookieSigner;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.registration.ClientRegistrar;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.token.AccessTokenIssuer;
import dev.mcpgateway.auth.token.AuthorizationCodes;
import dev.mcpgateway.auth.token.RefreshTokens;
import dev.mcpgateway.auth.token.Revocations;
import dev.mcpgateway.auth.token.TokenService;
import dev.mcpgateway.auth.obo.DelegationException;
import dev.mcpgateway.auth.obo.DelegationGrant;
import dev.mcpgateway.auth.obo.OnBehalfOfBroker;
import dev.mcpgateway.auth.upstream.UpstreamClientAuthentication;
import dev.mcpgateway.auth.upstream.UpstreamConfig;
import dev.mcpgateway.auth.upstream.UpstreamLogin;
import dev.mcpgateway.auth.upstream.UpstreamProvider;
import dev.mcpgateway.auth.upstream.UpstreamTokenVault;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Assembles the plain-Java pieces of the authorization server from configuration. Everything here needs
 * {@code gateway.auth.issuer}; the upstream login also needs {@code gateway.auth.upstream.client-id}. No bean
 * reaches the network at creation.
 */
@Factory
@Requires(property = AuthServerConfig.ISSUER)
public class AuthServerBeans {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration SKEW = Duration.ofSeconds(60);

    @Singleton
    SigningKeys signingKeys(AuthServerConfig config, AuthStateStore store) {
        return new SigningKeys(store, CLOCK, config.getKeyRotation(), config.getAccessTokenTtl());
    }

    @Singleton
    AccessTokenIssuer accessTokenIssuer(AuthServerConfig config, SigningKeys keys) {
        return new AccessTokenIssuer(config.getIssuer(), keys, CLOCK, config.getAccessTokenTtl());
    }

    @Singleton
    Revocations revocations(AuthServerConfig config, AuthStateStore store) {
        return new Revocations(store, config.getRefreshTokenTtl(), config.getAccessTokenTtl());
    }

    @Singleton
    RefreshTokens refreshTokens(AuthServerConfig config, AuthStateStore store, Revocations revocations) {
        return new RefreshTokens(store, revocations, config.getRefreshTokenTtl());
    }

    @Singleton
    AuthorizationCodes authorizationCodes(AuthServerConfig config, AuthStateStore store, Revocations revocations) {
        // the used-code marker must outlive every token the first redemption could have issued
        return new AuthorizationCodes(store, revocations, config.getCodeTtl(), config.getRefreshTokenTtl());
    }

    @Singleton
    AuthAdministration authAdministration(ClientRegistry registry, ConsentRecords consents, RefreshTokens refresh,
                                          AuthorizationCodes codes, Revocations revocations, SigningKeys keys) {
        return new AuthAdministration(registry, consents, refresh, codes, revocations, keys, CLOCK);
    }

    @Singleton
    ClientRegistry clientRegistry(AuthStateStore store) {
        return new ClientRegistry(store);
    }

    @Singleton
    Clients clients(AuthServerConfig config, ClientRegistry registry) {
        AddressPolicy policy;
        try {
            policy = new AddressPolicy(Network.parseAll(config.getClientMetadataAllowedNetworks()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(AuthServerConfig.PREFIX + ".client-metadata-allowed-networks"
                    + e.getMessage());
        }
        return new Clients(registry, new ClientMetadataDocuments(policy, config.isAllowLoopbackClientMetadata()));
    }

    @Singleton
    ClientAuthenticator clientAuthenticator(Clients clients) {
        return new ClientAuthenticator(clients);
    }

    @Singleton
    ClientRegistrar clientRegistrar(ClientRegistry registry) {
        return new ClientRegistrar(registry, CLOCK);
    }

    @Singleton
    TokenService tokenService(AuthorizationCodes codes, RefreshTokens refresh, AccessTokenIssuer issuer,
                              ProtectedResources resources) {
        return new TokenService(codes, refresh, issuer, resources);
    }

    /** The validator the gateway's MCP endpoints use in-process: our keys straight from the store, no HTTP. */
    @Singleton
    AccessTokenValidator accessTokenValidator(AuthServerConfig config, SigningKeys keys, Revocations revocations) {
        JWKSource<SecurityContext> source = (selector, context) -> {
            var found = selector.select(keys.publicKeys());
            return found.isEmpty() ? selector.select(keys.reloadedPublicKeys()) : found;
        };
        return new AccessTokenValidator(config.getIssuer(), source, SKEW, revocations);
    }

    @Singleton
    AuthorizationRequestValidator authorizationRequestValidator(Clients clients, ProtectedResources resources) {
        return new AuthorizationRequestValidator(clients, resources);
    }

    @Singleton
    PendingAuthorizations pendingAuthorizations(AuthServerConfig config, AuthStateStore store) {
        return new PendingAuthorizations(store, config.getLoginTtl());
    }

    @Singleton
    ConsentCookies consentCookies(AuthServerConfig config, AuthStateStore store) {
        return new ConsentCookies(new CookieSigner(store), CLOCK, Duration.ofDays(30), config.isSecureCookies());
    }

    @Singleton
    ConsentRecords consentRecords(AuthStateStore store) {
        return new ConsentRecords(store, Duration.ofDays(365));
    }

    @Singleton
    UpstreamTokenVault upstreamTokenVault(AuthServerConfig config, AuthStateStore store) {
        return new UpstreamTokenVault(store, config.getRefreshTokenTtl());
    }

    @Singleton
    @Requires(property = UpstreamConfig.CLIENT_ID)
    UpstreamProvider upstreamProvider(UpstreamConfig upstream) {
        return new UpstreamProvider(upstream);
    }

    @Singleton
    @Requires(property = UpstreamConfig.CLIENT_ID)
    UpstreamLogin upstreamLogin(AuthServerConfig config, UpstreamConfig upstream, UpstreamProvider provider,
                                AuthStateStore store) {
        return new UpstreamLogin(upstream, provider, store, config.getLoginTtl(), config.getIssuer());
    }

    /** Backend tokens for signed-in users (on-behalf-of / token exchange), for the credential manager. */
    @Singleton
    @Requires(property = UpstreamConfig.CLIENT_ID)
    OnBehalfOfBroker onBehalfOfBroker(UpstreamConfig upstream, UpstreamProvider provider, UpstreamTokenVault vault) {
        String mode = upstream.getDelegation()
                .orElse(upstream.getIssuer().isPresent() ? "token-exchange" : "entra-obo");
        DelegationGrant grant = switch (mode) {
            case "entra-obo" -> DelegationGrant.ENTRA_ON_BEHALF_OF;
            case "token-exchange" -> DelegationGrant.TOKEN_EXCHANGE;
            default -> throw new ConfigurationException(
                    "gateway.auth.upstream.delegation must be entra-obo or token-exchange, not '" + mode + "'");
        };
        return new OnBehalfOfBroker(grant, () -> provider.metadata().getTokenEndpointURI(), () -> {
            try {
                return UpstreamClientAuthentication.of(upstream, provider.metadata().getTokenEndpointURI());
            } catch (Exception e) {
                throw new DelegationException("the upstream client credential cannot be read", e);
            }
        }, vault, CLOCK);
    }
}
