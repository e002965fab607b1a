// The official MCP TypeScript SDK client calling one tool once, as an agent host would.
// usage: node call-tool.mjs <serverUrl> <tool> <argumentsJson>
// Prints one JSON line (prefixed RESULT ) with the result's isError and text, which the Java test asserts on.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, tool, argumentsJson] = process.argv.slice(2);
const client = new Client({ name: 'call-tool', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
const result = await client.callTool({ name: tool, arguments: JSON.parse(argumentsJson) });
await client.close();
console.log('RESULT ' + JSON.stringify({
  isError: result.isError ?? false,
  text: result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n'),
}));
