// The official MCP TypeScript SDK client against two gateway instances at once, as behind a round-robin load
// balancer without sticky sessions: a custom fetch sends each HTTP request to the next instance in turn.
// Usage: node ts-sdk-two-instances.mjs <url of instance A> <port of instance B>
// Prints READY once it listens for notifications, then one JSON summary line prefixed with RESULT.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sdk = (p) => import(pathToFileURL(path.join(process.env.NODE_PATH, '@modelcontextprotocol/sdk/dist/esm', p)).href);
const { Client } = await sdk('client/index.js');
const { StreamableHTTPClientTransport } = await sdk('client/streamableHttp.js');
const { ToolListChangedNotificationSchema } = await sdk('types.js');

const [url, otherPort] = process.argv.slice(2);
const ports = [new URL(url).port, otherPort];
const served = {};
let turn = 0;
const roundRobin = (input, init) => {
  const target = new URL(input instanceof Request ? input.url : input);
  target.port = ports[turn++ % ports.length];
  const key = `${target.port} ${init?.method ?? 'GET'}`;
  served[key] = (served[key] ?? 0) + 1;
  return fetch(target, init);
};

const client = new Client({ name: 'round-robin-client', version: '1.0.0' });
let resolveChanged;
const changed = new Promise((resolve) => { resolveChanged = resolve; });
client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolveChanged(true));
const transport = new StreamableHTTPClientTransport(new URL(url), { fetch: roundRobin });
await client.connect(transport);

const summary = { protocolVersion: transport.protocolVersion ?? null };
const tools = await client.listTools();
summary.tools = tools.tools.map((t) => t.name);
summary.items = [];
for (const productId of ['p-100', 'p-101', 'p-102', 'p-103', 'p-104', 'p-105']) {
  const result = await client.callTool({ name: 'getProduct', arguments: { productId } });
  summary.items.push(result.structuredContent?.id ?? null);
}
console.log('READY');
const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 30000).unref());
summary.listChanged = await Promise.race([changed, timeout]);
const after = await client.listTools();
summary.descriptionAfter = after.tools.find((t) => t.name === 'getProduct')?.description ?? null;
await transport.terminateSession();
await client.close();
summary.served = served;
console.log('RESULT ' + JSON.stringify(summary));
process.exit(0);
