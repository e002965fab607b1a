// The official MCP TypeScript SDK client against an OAuth-protected MCP server of the gateway, as a real client
// meets it: connect without a token (401 -> RFC 9728 discovery -> RFC 8414 metadata -> dynamic registration ->
// /authorize with PKCE and resource), the user's browser (consent approve, upstream login, callback), finishAuth,
// then tools/list and tools/call through the gateway, a refresh with rotation and another call with the new token,
// revocation, and the next call refused.
// Usage: node sdk-oauth-tools.mjs <mcp-server-url> <tool> <arguments-json>; prints one JSON line prefixed RESULT.
// (Extends auth-server/src/test/resources/node/sdk-oauth-flow.mjs, which stops before calling tools.)
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sdk = (p) => import(pathToFileURL(path.join(process.env.NODE_PATH, '@modelcontextprotocol/sdk/dist/esm', p)).href);
const { auth, UnauthorizedError } = await sdk('client/auth.js');
const { Client } = await sdk('client/index.js');
const { StreamableHTTPClientTransport } = await sdk('client/streamableHttp.js');

const [serverUrl, tool, argumentsJson] = process.argv.slice(2);
const redirectUrl = 'http://127.0.0.1:33418/callback';

class MemoryProvider {
  constructor() { this.invalidated = []; this.redirects = 0; }
  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return { client_name: 'MCP SDK gateway test', redirect_uris: [redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() { this.lastState = 'sdk-' + Math.random().toString(36).slice(2); return this.lastState; }
  clientInformation() { return this.client; }
  saveClientInformation(info) { this.client = info; }
  tokens() { return this.current; }
  saveTokens(tokens) { this.current = tokens; }
  redirectToAuthorization(url) { this.authorizationUrl = url; this.redirects++; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  invalidateCredentials(scope) {
    this.invalidated.push(scope);
    if (scope === 'all' || scope === 'tokens') this.current = undefined;
    if (scope === 'all') this.client = undefined;
  }
}

// The user's browser: follows redirects by hand, keeps cookies, approves the consent form.
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
const transportFor = () => new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider });
async function connected() {
  const client = new Client({ name: 'sdk-oauth-tools', version: '1.0.0' });
  await client.connect(transportFor());
  return client;
}
async function outcome(action) {
  try { return { ok: await action() }; } catch (e) { return { error: e instanceof UnauthorizedError ? 'Unauthorized' : String(e) }; }
}

// 1. no token yet: the 401 sends the SDK through discovery and registration to our /authorize
const first = new Client({ name: 'sdk-oauth-tools', version: '1.0.0' });
const firstTransport = transportFor();
summary.firstConnect = (await outcome(() => first.connect(firstTransport))).error;
const authorizationUrl = new URL(provider.authorizationUrl);
summary.authorizationRequest = Object.fromEntries(authorizationUrl.searchParams);
summary.registered = !!provider.client?.client_id;
// 2. the user approves and signs in upstream; the SDK exchanges the code
const back = await userApproves(authorizationUrl);
summary.stateMatches = back.searchParams.get('state') === provider.lastState;
await firstTransport.finishAuth(back.searchParams.get('code'));
summary.accessToken = provider.tokens().access_token;
// 3. list and call tools through the gateway
let client = await connected();
summary.tools = (await client.listTools()).tools.map((t) => t.name);
const called = await client.callTool({ name: tool, arguments: JSON.parse(argumentsJson) });
summary.call = { isError: !!called.isError, text: called.content?.[0]?.text };
await client.close();
// 4. refresh (rotation), then call again with the new access token
const before = provider.tokens();
summary.afterRefresh = await auth(provider, { serverUrl });
summary.refreshRotated = provider.tokens().refresh_token !== before.refresh_token;
summary.refreshedAccessToken = provider.tokens().access_token;
client = await connected();
summary.callAfterRefresh = !(await client.callTool({ name: tool, arguments: JSON.parse(argumentsJson) })).isError;
await client.close();
// 5. revoke the grant: the access token dies with it, and the next call is refused (the SDK is sent back to login)
const metadata = await (await fetch(new URL('/.well-known/oauth-authorization-server', serverUrl))).json();
const revoked = await fetch(metadata.revocation_endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ token: provider.tokens().refresh_token, client_id: provider.client.client_id }).toString(),
});
summary.revokeStatus = revoked.status;
const redirectsBefore = provider.redirects;
const direct = await fetch(serverUrl, { method: 'POST', headers: { authorization: 'Bearer ' + summary.refreshedAccessToken,
  'content-type': 'application/json', accept: 'application/json, text/event-stream' },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18',
    capabilities: {}, clientInfo: { name: 'x', version: '1' } } }) });
summary.revokedTokenStatus = direct.status;
summary.afterRevoke = (await outcome(() => connected())).error ?? 'connected';
summary.sentBackToLogin = provider.redirects > redirectsBefore;
console.log('RESULT ' + JSON.stringify(summary));
process.exit(0);
