// The official MCP TypeScript SDK client calling one tool through two gateway instances that share a rate limit.
// usage: node rate-limited-tools.mjs <urlOfA> <urlOfB> <server> <tool> <argumentsJson> <calls>
// Clients of team "blue" on A and on B alternate <calls> calls, then one more on B; a "green" client calls once.
// Prints one JSON line (prefixed RESULT ) that the Java test asserts on.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [urlA, urlB, server, tool, argumentsJson, calls] = process.argv.slice(2);
const args = JSON.parse(argumentsJson);

const connect = async (base, team) => {
  const client = new Client({ name: `rate-limit-${team}`, version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp/${server}`),
    { requestInit: { headers: { 'X-Team': team } } }));
  return client;
};
const summary = (result) => ({
  isError: result.isError ?? false,
  text: result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n'),
  meta: result._meta ?? null,
});

const blueOnA = await connect(urlA, 'blue');
const blueOnB = await connect(urlB, 'blue');
const greenOnA = await connect(urlA, 'green');

const out = { allowed: [] };
for (let i = 0; i < Number(calls); i++) {
  const client = i % 2 === 0 ? blueOnA : blueOnB;
  out.allowed.push(summary(await client.callTool({ name: tool, arguments: args })));
}
out.refused = summary(await blueOnB.callTool({ name: tool, arguments: args }));
out.otherKey = summary(await greenOnA.callTool({ name: tool, arguments: args }));

await Promise.all([blueOnA.close(), blueOnB.close(), greenOnA.close()]);
console.log('RESULT ' + JSON.stringify(out));
