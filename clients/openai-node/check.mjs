// Calls an Sn19 gateway the way any OpenAI user would, with the official client, and prints what it got as JSON.
// Usage: node check.mjs BASE_URL API_KEY   (BASE_URL like http://127.0.0.1:9620/v1)
import OpenAI from "openai";

const [baseURL, apiKey] = process.argv.slice(2);
if (!baseURL || !apiKey) {
  console.error("usage: node check.mjs BASE_URL API_KEY");
  process.exit(2);
}

// Two retries, as the client does by default: a request in the instant between two scoring periods gets 503.
const client = new OpenAI({ baseURL, apiKey, maxRetries: 2, timeout: 60_000 });
const result = {};

const models = [];
for await (const model of client.models.list()) {
  models.push(model.id);
}
result.models = models;

const stream = await client.chat.completions.create({
  model: "chat",
  messages: [{ role: "system", content: "You are terse." }, { role: "user", content: "Say hello to the subnet." }],
  max_tokens: 12,
  stream: true,
  stream_options: { include_usage: true },
});
let text = "";
let tokens = 0;
let usage = null;
let finish = null;
for await (const chunk of stream) {
  if (chunk.choices.length > 0) {
    text += chunk.choices[0].delta?.content ?? "";
    tokens += 1;
    finish = chunk.choices[0].finish_reason ?? finish;
  }
  if (chunk.usage) {
    usage = chunk.usage;
  }
}
result.chat = { text, tokens, usage, finish };

const completion = await client.completions.create({ model: "completion", prompt: "Once upon a time", max_tokens: 6 });
result.completion = { text: completion.choices[0].text, usage: completion.usage, finish: completion.choices[0].finish_reason, object: completion.object };

// The client's typed errors: a bad request names its field, a wrong key is an authentication error.
try {
  await client.chat.completions.create({ model: "chat", messages: [{ role: "user", content: "hi" }], temperature: 7 });
  result.badRequest = { status: 200 };
} catch (error) {
  result.badRequest = { status: error.status, param: error.param ?? error.error?.param ?? null, type: error.constructor.name };
}
try {
  const stranger = new OpenAI({ baseURL, apiKey: "sn19-0123456789abcdef-not-a-real-secret", maxRetries: 0 });
  await stranger.completions.create({ model: "completion", prompt: "hi", max_tokens: 2 });
  result.badKey = { status: 200 };
} catch (error) {
  result.badKey = { status: error.status, type: error.constructor.name };
}

console.log(JSON.stringify(result));
