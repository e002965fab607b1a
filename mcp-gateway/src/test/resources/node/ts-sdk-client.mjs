// Drives the official MCP TypeScript SDK client against the gateway, the way an agent host would:
// connect, list tools, call tools (one with progress), then wait for tools/list_changed and list again.
// Usage: node ts-sdk-client.mjs <url> <streamable|sse>; prints one JSON summary line prefixed with RESULT.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sdk = (p) => import(pathToFileURL(path.join(process.env.NODE_PATH, '@modelcontextprotocol/sdk/dist/esm', p)).href);
const { Client } = await sdk('client/index.js');
const { StreamableHTTPClientTransport } = await sdk('client/streamableHttp.js');
const { SSEClientTransport } = await sdk('client/sse.js');
const { ToolListChangedNotificationSchema } = await sdk('types.js');

const [url, kind] = process.argv.slice(2);
const client = new Client({ name: 'gateway-ts-sdk-test', version: '1.0.0' });
let resolveChanged;
const changed = new Promise((resolve) => { resolveChanged = resolve; });
client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolveChanged(true));

const transport = kind === 'sse' ? new SSEClientTransport(new URL(url)) : new StreamableHTTPClientTransport(new URL(url));
await client.connect(transport);

const summary = {
  protocolVersion: transport.protocolVersion ?? null,
  server: client.getServerVersion(),
  capabilities: client.getServerCapabilities(),
};
const before = await client.listTools();
summary.toolsBefore = before.tools.map((t) => t.name);
const echo = await client.callTool({ name: 'echo', arguments: { text: 'from typescript' } });
summary.echo = echo.content[0].text;
const progress = [];
const counted = await client.callTool({ name: 'count', arguments: { to: 3 } }, undefined,
  { onprogress: (p) => progress.push(p.progress) });
summary.count = counted.content[0].text;
summary.progress = progress;
const failed = await client.callTool({ name: 'fail', arguments: {} });
summary.failIsError = failed.isError === true;
try {
  await client.callTool({ name: 'no_such_tool', arguments: {} });
  summary.unknownTool = 'no error';
} catch (e) {
  summary.unknownTool = e.code;
}
console.log('READY');
const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 20000).unref());
summary.listChanged = await Promise.race([changed, timeout]);
const after = await client.listTools();
summary.toolsAfter = after.tools.map((t) => t.name);
if (kind !== 'sse') {
  await transport.terminateSession();
}
await client.close();
console.log('RESULT ' + JSON.stringify(summary));
process.exit(0);
