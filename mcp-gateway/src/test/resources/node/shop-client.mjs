// The official MCP TypeScript SDK client against the gateway's sample shop server.
// usage: node shop-client.mjs <gatewayBaseUrl> <streamable|sse> <adminKey>
// Prints one JSON line (prefixed RESULT ) that the Java test asserts on.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const [base, mode, adminKey] = process.argv.slice(2);
const transport = mode === 'sse'
  ? new SSEClientTransport(new URL(`${base}/mcp/shop/sse`))
  : new StreamableHTTPClientTransport(new URL(`${base}/mcp/shop`));
const client = new Client({ name: 'gateway-e2e', version: '1.0.0' });

let notifyListChanged;
const listChanged = new Promise((resolve) => { notifyListChanged = resolve; });
client.setNotificationHandler(ToolListChangedNotificationSchema, () => notifyListChanged(true));

const text = (result) => result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
const out = { transport: mode };

await client.connect(transport);
out.serverName = client.getServerVersion()?.name;
out.tools = (await client.listTools()).tools.map((t) => t.name);

const search = await client.callTool({ name: 'searchProducts',
  arguments: { tag: ['kitchen', 'electric'], filter: { maxPrice: 4000 }, 'X-Locale': 'fr', limit: 5 } });
out.search = { isError: search.isError ?? false, structured: search.structuredContent };

const created = await client.callTool({ name: 'createCart',
  arguments: { customer: 'Ada', items: [{ productId: 'p-100', quantity: 2 }] } });
out.createCart = { isError: created.isError ?? false, structured: created.structuredContent };

const cart = await client.callTool({ name: 'getCart',
  arguments: { cartId: created.structuredContent?.id ?? 'missing', session: 's-42' } });
out.getCart = { isError: cart.isError ?? false, structured: cart.structuredContent };

const feedback = await client.callTool({ name: 'sendFeedback', arguments: { rating: 5, comment: 'café great' } });
out.sendFeedback = { isError: feedback.isError ?? false, structured: feedback.structuredContent };

const missing = await client.callTool({ name: 'getProduct', arguments: { productId: 'nope' } });
out.missingProduct = { isError: missing.isError ?? false, text: text(missing) };

const invalid = await client.callTool({ name: 'getProduct', arguments: {} });
out.invalidArguments = { isError: invalid.isError ?? false, text: text(invalid) };

try {
  await client.callTool({ name: 'noSuchTool', arguments: {} });
  out.unknownTool = { thrown: false };
} catch (e) {
  out.unknownTool = { thrown: true, code: e.code };
}

// an administrator narrows the server: the client must be told and see the new list
const put = await fetch(`${base}/admin/mcp-servers/shop`, {
  method: 'PUT',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminKey}` },
  body: JSON.stringify({ apiId: 'shop', operations: ['getProduct'] }),
});
out.adminStatus = put.status;
out.listChanged = await Promise.race([listChanged, new Promise((r) => setTimeout(() => r(false), 10000))]);
out.toolsAfter = (await client.listTools()).tools.map((t) => t.name);

await client.close();
console.log('RESULT ' + JSON.stringify(out));
