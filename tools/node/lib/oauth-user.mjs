// The two halves of an OAuth client test shared by the test scripts of auth-server and mcp-gateway: an in-memory
// OAuthClientProvider for the MCP TypeScript SDK, and the user's browser (follows redirects by hand, keeps the
// gateway's cookies, approves the consent form). Scripts import it through NODE_TEST_LIB, set by NodeTools.

export const redirectUrl = 'http://127.0.0.1:33418/callback';

export class MemoryProvider {
  constructor(clientName) { this.clientName = clientName; this.invalidated = []; this.tokenHistory = []; this.redirects = 0; }
  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return { client_name: this.clientName, redirect_uris: [redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() { this.lastState = 'sdk-' + Math.random().toString(36).slice(2); return this.lastState; }
  clientInformation() { return this.client; }
  saveClientInformation(info) { this.client = info; }
  tokens() { return this.current; }
  saveTokens(tokens) { this.current = tokens; this.tokenHistory.push(tokens); }
  redirectToAuthorization(url) { this.authorizationUrl = url; this.redirects++; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  invalidateCredentials(scope) {
    this.invalidated.push(scope);
    if (scope === 'all' || scope === 'tokens') this.current = undefined;
    if (scope === 'all') this.client = undefined;
  }
}

const jar = new Map();
export async function browse(url, init = {}) {
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

/** Opens the authorization URL, approves the consent page, follows the upstream login back to the client. */
export async function userApproves(authorizationUrl) {
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
