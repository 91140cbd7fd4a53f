// llama.cpp behind a small OpenAI-compatible server, for testing that an honest miner on another engine passes
// Sn19's checks. llama.cpp comes from node-llama-cpp's prebuilt CPU binaries (no GPU, no build).
//
//   node shim.mjs --model FILE.gguf [--name NAME] [--threads N] [--context N] [--chat-template llama2|plain]
//
// Listens on 127.0.0.1 at a free port and prints one line "listening http://127.0.0.1:PORT" when ready. It exits when
// its standard input closes, so it never outlives the process that started it.
//
// What it speaks is the subset of vLLM's dialect that Sn19's OpenAI backend sends (Sn19.Inference/Backends/OpenAi):
// streamed POST /v1/completions and /v1/chat/completions with logprobs, top_k, seed, stop_token_ids, ignore_eos and
// return_tokens_as_token_ids ("token_id:N"); GET /v1/models. Log-probabilities follow vLLM's: raw log-softmax at
// temperature 0, else over the tokens the sampler kept (after top-k, top-p and temperature), which is what
// llama.cpp's sampler chain reports as each candidate's probability. Anything else gets a 400 that says so.
import http from "node:http";
import { getLlama } from "node-llama-cpp";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
if (!args.model) {
  console.error("usage: node shim.mjs --model FILE.gguf [--name NAME] [--threads N] [--context N] [--chat-template llama2|plain]");
  process.exit(2);
}

const name = args.name ?? "llama-cpp";
const llama = await getLlama({ gpu: false, build: "never", logLevel: "error" });
const model = await llama.loadModel({ modelPath: args.model, gpuLayers: 0 });
const context = await model.createContext({
  contextSize: Number(args.context ?? 256), batchSize: Number(args.context ?? 256), sequences: 1, threads: Number(args.threads ?? 2),
});
const sequence = context.getSequence();
const template = args["chat-template"] ?? "llama2";
const bosText = model.tokens.bosString ?? "<s>";
const eosText = model.tokens.eosString ?? "</s>";

// One request at a time: llama.cpp's sequence is a single KV cache.
let queue = Promise.resolve();
const serialised = (work) => {
  const run = queue.then(work, work);
  queue = run.catch(() => {});
  return run;
};

/** The same text Sn19's chat templates render (Sn19.Inference/Tokenizers): llama2 or plain. */
function renderChat(messages) {
  if (template === "plain") {
    return (model.tokens.shouldPrependBosToken ? bosText : "")
      + messages.map((m) => `${m.role.charAt(0).toUpperCase()}${m.role.slice(1)}: ${m.content}\n`).join("") + "Assistant:";
  }

  let start = 0;
  let system = null;
  if (messages.length > 0 && messages[0].role === "system") {
    system = messages[0].content;
    start = 1;
  }

  let text = "";
  for (let i = start; i < messages.length; i++) {
    const message = messages[i];
    if ((message.role === "user") !== ((i - start) % 2 === 0) || !["user", "assistant"].includes(message.role)) {
      throw new BadRequest(`llama2 chat needs user and assistant turns alternating from user; message ${i} is '${message.role}'`);
    }

    const content = i === start && system !== null ? `<<SYS>>\n${system}\n<</SYS>>\n\n${message.content}` : message.content;
    text += message.role === "user" ? `${bosText}[INST] ${content.trim()} [/INST]` : ` ${content.trim()} ${eosText}`;
  }

  return text;
}

class BadRequest extends Error {}

function promptTokens(body, chat) {
  if (chat) {
    if (!Array.isArray(body.messages) || body.messages.length === 0) throw new BadRequest("messages must be a non-empty array");
    return model.tokenize(renderChat(body.messages), true);
  }

  if (typeof body.prompt !== "string") throw new BadRequest("prompt must be a string");
  const tokens = model.tokenize(body.prompt, false);
  return model.tokens.shouldPrependBosToken ? [model.tokens.bos, ...tokens] : tokens;
}

/**
 * UTF-8 continuation bytes still expected after this token: byte-fallback tokens (vocabulary text "<0xAB>") carry one
 * raw byte each; any other token is whole characters, which end whatever sequence was pending. (node-llama-cpp has no
 * public accessor for a token's vocabulary text; the addon of the pinned 3.21.1 has getTokenString.)
 */
function pendingAfter(pending, token) {
  const match = model.getTokenAttributes(token).byte ? /^<0x([0-9A-Fa-f]{2})>$/.exec(model._model.getTokenString(token)) : null;
  if (!match) return 0;
  const b = parseInt(match[1], 16);
  if (pending > 0 && (b & 0xc0) === 0x80) return pending - 1;
  if (b >= 0xc2 && b <= 0xdf) return 1;
  if ((b & 0xf0) === 0xe0) return 2;
  if (b >= 0xf0 && b <= 0xf4) return 3;
  return 0;
}

function tokenName(id) {
  return `token_id:${id}`;
}

async function generate(body, chat, write) {
  if (body.stream !== true) throw new BadRequest("only streamed responses (stream: true) are served");
  if (Array.isArray(body.stop) && body.stop.length > 0) throw new BadRequest("stop strings are not served; use stop_token_ids");
  const prompt = promptTokens(body, chat);
  const maxTokens = Number(body.max_tokens ?? 16);
  if (prompt.length + maxTokens > context.contextSize) throw new BadRequest(`prompt ${prompt.length} + max_tokens ${maxTokens} exceed the context ${context.contextSize}`);
  const temperature = Number(body.temperature ?? 1);
  const greedy = temperature < 1e-5;
  const topK = greedy || !(body.top_k > 0) ? 0 : Number(body.top_k);
  const topP = greedy ? 1 : Number(body.top_p ?? 1);
  const top = Math.min(20, Number(chat ? (body.top_logprobs ?? 0) : (body.logprobs ?? 0)));
  const stops = new Set([model.tokens.eos, ...(body.stop_token_ids ?? [])].filter((t) => t !== null && t !== undefined));
  const id = `cmpl-${Date.now().toString(36)}`;
  const names = body.return_tokens_as_token_ids ? tokenName : (t) => model.detokenize([t], true);

  await sequence.clearHistory();
  const generated = [];
  let shown = "";
  let pending = 0;
  let finish = "length";
  const options = { temperature: greedy ? 0 : temperature, topK, topP, minP: 0, seed: Number(BigInt(body.seed ?? 0) % 4294967296n) };
  for await (const step of sequence.evaluateWithMetadata(prompt, { probabilities: true }, options)) {
    if (stops.has(step.token) && !body.ignore_eos) {
      finish = "stop";
      break;
    }

    generated.push(step.token);
    const last = generated.length >= maxTokens;
    // Text as the whole continuation decodes, after the prompt (SentencePiece spacing), less what was sent; a
    // character still incomplete waits for the next token (and is never sent if none completes it, as Sn19's
    // streaming decoder does), while a byte that cannot start or continue one goes out as U+FFFD at once.
    const full = model.detokenize(generated, false, prompt.slice(-8));
    pending = pendingAfter(pending, step.token);
    const ready = pending > 0 && full.endsWith("\ufffd") ? full.slice(0, full.lastIndexOf("\ufffd")) : full;
    const piece = ready.startsWith(shown) ? ready.slice(shown.length) : "";
    shown = ready.startsWith(shown) ? ready : shown;
    const logprob = Math.log(step.probabilities.get(step.token));
    const alternatives = [...step.probabilities.entries()].slice(0, top).map(([t, p]) => [names(t), Math.log(p)]);
    write(chunk(id, chat, piece, names(step.token), logprob, alternatives, null));
    if (last) break;
  }

  write(chunk(id, chat, "", null, null, null, finish));
  if (body.stream_options?.include_usage) {
    write({ id, object: chat ? "chat.completion.chunk" : "text_completion", model: name, choices: [],
      usage: { prompt_tokens: prompt.length, completion_tokens: generated.length, total_tokens: prompt.length + generated.length } });
  }
}

function chunk(id, chat, text, token, logprob, alternatives, finish) {
  if (chat) {
    const logprobs = token === null ? null : {
      content: [{ token, logprob, top_logprobs: alternatives.map(([t, lp]) => ({ token: t, logprob: lp })) }],
    };
    return { id, object: "chat.completion.chunk", model: name, choices: [{ index: 0, delta: { content: text }, logprobs, finish_reason: finish }] };
  }

  const logprobs = token === null ? null : {
    tokens: [token], token_logprobs: [logprob], top_logprobs: [Object.fromEntries(alternatives)],
  };
  return { id, object: "text_completion", model: name, choices: [{ index: 0, text, logprobs, finish_reason: finish }] };
}

function sendError(response, status, message) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ error: { message, type: "invalid_request_error" } }));
}

const server = http.createServer(async (request, response) => {
  if (request.method === "GET" && request.url === "/v1/models") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ object: "list", data: [{ id: name, object: "model" }] }));
    return;
  }

  const chat = request.url === "/v1/chat/completions";
  if (request.method !== "POST" || !(chat || request.url === "/v1/completions")) {
    sendError(response, 404, `${request.method} ${request.url} is not served`);
    return;
  }

  let body;
  try {
    const parts = [];
    for await (const part of request) parts.push(part);
    body = JSON.parse(Buffer.concat(parts).toString("utf8"));
  } catch {
    sendError(response, 400, "the body is not JSON");
    return;
  }

  let started = false;
  try {
    await serialised(() => generate(body, chat, (data) => {
      if (!started) {
        response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        started = true;
      }

      response.write(`data: ${JSON.stringify(data)}\n\n`);
    }));
    response.end("data: [DONE]\n\n");
  } catch (error) {
    if (started) {
      response.destroy(error);
    } else {
      sendError(response, error instanceof BadRequest ? 400 : 500, error.message);
    }
  }
});

server.listen(0, "127.0.0.1", () => console.log(`listening http://127.0.0.1:${server.address().port}`));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
process.stdin.on("close", () => process.exit(0));
