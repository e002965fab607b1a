// The official MCP TypeScript SDK client against a gateway server whose tool schemas came from Java/PCRE patterns.
// usage: node regex-dialects-client.mjs <mcpUrl>
// Prints one JSON line (prefixed RESULT ) that the Java test asserts on.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url] = process.argv.slice(2);
const client = new Client({ name: 'regex-dialects-e2e', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));

const text = (result) => result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
const call = async (name, args) => {
  try {
    const result = await client.callTool({ name, arguments: args });
    return { isError: result.isError ?? false, structured: result.structuredContent ?? null, text: text(result) };
  } catch (e) {
    // the SDK throws when it cannot compile a tool's outputSchema or the result does not match it
    return { thrown: e.message };
  }
};

const out = {};
const listed = await client.listTools();
out.tools = listed.tools;
const valid = { thingId: 'a-b_c.d', code: 'x9Z', email: 'ada.l+1@example.com',
  role: 'arn:aws:iam::123456789012:role/deploy-bot', label: 'plain' };
out.valid = await call('putThing', valid);
out.badLabel = await call('putThing', { ...valid, label: 'café' });
out.badThingId = await call('putThing', { ...valid, thingId: 'a b' });
out.notes = await call('listNotes', { tag: 'MixedCase' });
out.badTag = await call('listNotes', { tag: 'tag1' });
await client.close();
console.log('RESULT ' + JSON.stringify(out));
