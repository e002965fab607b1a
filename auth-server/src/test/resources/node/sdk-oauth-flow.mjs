// Drives the official MCP TypeScript SDK's OAuth client (`auth()` with an OAuthClientProvider) against the gateway's
// authorization server the way an MCP client does: RFC 9728 discovery, RFC 8414 metadata, dynamic registration,
// /authorize with PKCE and resource, then the user's browser (consent approve, upstream login, callback), code
// exchange, a refresh with rotation, revocation, and the refresh refused afterwards.
// Usage: node sdk-oauth-flow.mjs <mcp-server-url>; prints one JSON summary line prefixed with RESULT.
// After the gateway merge the same provider can be handed to StreamableHTTPClientTransport({ authProvider }) to call
// tools; the browser part below stays the same.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sdk = (p) => import(pathToFileURL(path.join(process.env.NODE_PATH, '@modelcontextprotocol/sdk/dist/esm', p)).href);
const { auth } = await sdk('client/auth.js');

const [serverUrl] = process.argv.slice(2);
const redirectUrl = 'http://127.0.0.1:33418/callback';

class MemoryProvider {
  constructor() { this.invalidated = []; this.tokenHistory = []; }
  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return { client_name: 'MCP SDK OAuth test', redirect_uris: [redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() { this.lastState = 'sdk-' + Math.random().toString(36).slice(2); return this.lastState; }
  clientInformation() { return this.client; }
  saveClientInformation(info) { this.client = info; }
  tokens() { return this.current; }
  saveTokens(tokens) { this.current = tokens; this.tokenHistory.push(tokens); }
  redirectToAuthorization(url) { this.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  invalidateCredentials(scope) {
    this.invalidated.push(scope);
    if (scope === 'all' || scope === 'tokens') this.current = undefined;
    if (scope === 'all') this.client = undefined;
  }
}

// The user's browser: follows redirects by hand, keeps the gateway's cookies, approves the consent form.
const jar = new Map();
async function browse(url, init = {}) {
  const headers = { ...(init.headers ?? {}) };
  if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return response;
}
async function userApproves(authorizationUrl) {
  const page = await browse(authorizationUrl);
  const html = await page.text();
  const field = (name) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))[1];
  let response = await browse(new URL('/consent', authorizationUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: field('request'), csrf: field('csrf'), decision: 'approve' }).toString(),
  });
  for (let hop = 0; hop < 6; hop++) {
    const location = response.headers.get('location');
    if (location.startsWith(redirectUrl)) return new URL(location);
    response = await browse(location);
  }
  throw new Error('never came back to the client');
}

const provider = new MemoryProvider();
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
