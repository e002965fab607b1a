// Calls LLM APIs registered at the gateway's root and at a nested path with the official AzureOpenAI npm client.
// Usage: node azure-openai-paths.mjs <proxy-url> <subscription-key>; prints one JSON line with what it saw.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// the test peers live in tools/node/node_modules (NODE_PATH), which ESM resolution does not consult by itself
const require = createRequire(`${process.env.NODE_PATH}/`);
const sdk = await import(pathToFileURL(require.resolve('openai')).href);
const AzureOpenAI = sdk.AzureOpenAI ?? sdk.default.AzureOpenAI;

const [base, key] = process.argv.slice(2);
const result = {};

for (const [name, baseURL] of [['root', base], ['nested', `${base}/aoai/east`]]) {
  const azure = new AzureOpenAI({ baseURL, apiKey: key, apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 0 });
  const chat = await azure.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hello' }] });
  let streamed = '';
  const stream = await azure.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Say hello' }] });
  for await (const chunk of stream) {
    streamed += chunk.choices[0]?.delta?.content ?? '';
  }
  const embedding = await azure.embeddings.create({ model: 'gpt-4o', input: 'hello' });
  result[name] = { chat: chat.choices[0].message.content, stream: streamed, embeddingLength: embedding.data[0].embedding.length };
}

console.log(JSON.stringify(result));
