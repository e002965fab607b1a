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
const { MemoryProvider, userApproves } = await import(pathToFileURL(path.join(process.env.NODE_TEST_LIB, 'oauth-user.mjs')).href);

const provider = new MemoryProvider('MCP SDK gateway test');
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
