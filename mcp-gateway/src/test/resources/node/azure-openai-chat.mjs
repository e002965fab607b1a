// The official OpenAI npm client's AzureOpenAI class calling an azure-openai API served at the gateway's root: some
// chat completions one after the other, each reported with the upstream that answered (the fake's x-fake-backend),
// or with the error the client threw (its status, the envelope's error, the Retry-After it was told).
// usage: node azure-openai-chat.mjs <gatewayRoot> <apiKey> <calls>
// Prints one JSON line (prefixed RESULT ) that the Java test asserts on.
import { AzureOpenAI } from 'openai';

const [root, apiKey, calls] = process.argv.slice(2);
// An API at path "" serves <root>/deployments/..., so the root is the client's baseURL: `endpoint` would add the
// "/openai" segment of an Azure OpenAI resource's own URLs.
const client = new AzureOpenAI({ baseURL: root, apiKey, apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 0 });

const answers = [];
for (let i = 0; i < Number(calls); i++) {
  try {
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hello' }] })
      .withResponse();
    answers.push({ status: response.status, content: data.choices[0].message.content,
      backend: response.headers.get('x-fake-backend') });
  } catch (e) {
    answers.push({ status: e.status ?? null, error: e.error ?? null, retryAfter: e.headers?.get('retry-after') ?? null });
  }
}
console.log('RESULT ' + JSON.stringify(answers));
