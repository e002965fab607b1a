// Calls the proxy with the official OpenAI npm client, in both URL styles, streaming and not.
// Usage: node openai-client.mjs <proxy-url> <subscription-key>; prints one JSON line with what it saw.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// the test peers live in tools/node/node_modules (NODE_PATH), which ESM resolution does not consult by itself
const require = createRequire(`${process.env.NODE_PATH}/`);
const sdk = await import(pathToFileURL(require.resolve('openai')).href);
const OpenAI = sdk.OpenAI ?? sdk.default;
const AzureOpenAI = sdk.AzureOpenAI ?? sdk.default.AzureOpenAI;

const [base, key] = process.argv.slice(2);
const result = {};

const openai = new OpenAI({ baseURL: `${base}/v1`, apiKey: key, maxRetries: 0 });
const chat = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hello' }] });
result.openaiChat = chat.choices[0].message.content;
result.openaiUsage = chat.usage.total_tokens;

let streamed = '';
const stream = await openai.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Say hello' }] });
for await (const chunk of stream) {
  streamed += chunk.choices[0]?.delta?.content ?? '';
}
result.openaiStream = streamed;

const embedding = await openai.embeddings.create({ model: 'gpt-4o', input: 'hello' });
result.openaiEmbeddingLength = embedding.data[0].embedding.length;

const azure = new AzureOpenAI({ endpoint: base, apiKey: key, apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 0 });
const azureChat = await azure.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hello' }] });
result.azureChat = azureChat.choices[0].message.content;

let azureStreamed = '';
const azureStream = await azure.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Say hello' }] });
for await (const chunk of azureStream) {
  azureStreamed += chunk.choices[0]?.delta?.content ?? '';
}
result.azureStream = azureStreamed;

try {
  await openai.chat.completions.create({ model: 'no-such-model', messages: [] });
  result.unknownModel = 'no error';
} catch (e) {
  result.unknownModel = { status: e.status, code: e.code, type: e.type };
}

console.log(JSON.stringify(result));
