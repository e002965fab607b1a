// The official MCP TypeScript SDK client calling tools whose backend negotiates content, or answers in a media type
// the tool did not declare. The SDK rejects a success result without structuredContent from a tool with an
// outputSchema, so what it makes of each result is what a real client would see.
// usage: node negotiation-client.mjs <mcpEndpointUrl>
// Prints one JSON line (prefixed RESULT ) that the Java test asserts on.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [endpoint] = process.argv.slice(2);
const client = new Client({ name: 'negotiation-e2e', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL(endpoint)));
// listing caches the output schemas the SDK validates results against
const tools = (await client.listTools()).tools;

const out = { tools: tools.map((t) => t.name) };
for (const name of ['getJsonOrXml', 'getXml', 'getPhoto']) {
  try {
    const result = await client.callTool({ name, arguments: {} });
    out[name] = { thrown: false, isError: result.isError ?? false, structured: result.structuredContent ?? null,
      types: result.content.map((c) => c.type + (c.mimeType ? ':' + c.mimeType : '')) };
  } catch (e) {
    out[name] = { thrown: true, message: String(e.message) };
  }
}
console.log('RESULT ' + JSON.stringify(out));
await client.close();
