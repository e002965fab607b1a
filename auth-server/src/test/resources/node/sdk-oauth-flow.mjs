// Drives the official MCP TypeScript SDK's OAuth client (`auth()` with an OAuthClientProvider) against the gateway's
// authorization server the way an MCP client does: RFC 9728 discovery, RFC 8414 metadata, dynamic registration,
// /authorize with PKCE and resource, then the user's browser (consent approve, upstream login, callback), code
// exchange, a refresh with rotation, revocation, and the refresh refused afterwards.
// Usage: node sdk-oauth-flow.mjs <mcp-server-url>; prints one JSON summary line prefixed with RESULT.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sdk = (p) => import(pathToFileURL(path.join(process.env.NODE_PATH, '@modelcontextprotocol/sdk/dist/esm', p)).href);
const { auth } = await sdk('client/auth.js');

const [serverUrl] = process.argv.slice(2);
const { MemoryProvider, userApproves } = await import(pathToFileURL(path.join(process.env.NODE_TEST_LIB, 'oauth-user.mjs')).href);

const provider = new MemoryProvider('MCP SDK OAuth test');
const summary = {};
summary.first = await auth(provider, { serverUrl });
const authorizationUrl = new URL(provider.authorizationUrl);
summary.authorizationRequest = Object.fromEntries(authorizationUrl.searchParams);
const back = await userApproves(authorizationUrl);
summary.redirect = Object.fromEntries(back.searchParams);
summary.stateMatches = back.searchParams.get('state') === provider.lastState;
summary.afterCode = await auth(provider, { serverUrl, authorizationCode: back.searchParams.get('code') });
const firstTokens = provider.tokens();
summary.accessToken = firstTokens.access_token;
summary.afterRefresh = await auth(provider, { serverUrl });
const secondTokens = provider.tokens();
summary.refreshRotated = !!secondTokens.refresh_token && secondTokens.refresh_token !== firstTokens.refresh_token;
summary.refreshedAccessToken = secondTokens.access_token;

const metadata = await (await fetch(new URL('/.well-known/oauth-authorization-server', serverUrl))).json();
const revoked = await fetch(metadata.revocation_endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ token: secondTokens.refresh_token, client_id: provider.client.client_id }).toString(),
});
summary.revokeStatus = revoked.status;
summary.afterRevoke = await auth(provider, { serverUrl });
summary.invalidated = provider.invalidated;
console.log('RESULT ' + JSON.stringify(summary));
