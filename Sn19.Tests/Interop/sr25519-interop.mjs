// Independent sr25519 checks for Sn19's interoperability test (Sn19.Tests/Interop/Sr25519InteropTests.cs).
// Reads one JSON request on stdin, writes one JSON answer on stdout. Two implementations are used:
//   util  = @polkadot/util-crypto (sr25519 from @scure/sr25519, pure JavaScript)
//   wasm  = @polkadot/wasm-crypto (w3f schnorrkel compiled to WebAssembly; embedded, no network)
// Hex strings carry no 0x prefix.
import {
  cryptoWaitReady, keyExtractSuri, keyFromPath, mnemonicToMiniSecret,
  sr25519PairFromSeed, sr25519Sign, sr25519Verify,
} from '@polkadot/util-crypto';
import * as wasm from '@polkadot/wasm-crypto';

const hex = (u8) => Buffer.from(u8).toString('hex');
const bytes = (h) => new Uint8Array(Buffer.from(h, 'hex'));
const tamper = (m) => {
  if (m.length === 0) return new Uint8Array([0]);
  const t = new Uint8Array(m);
  t[0] ^= 0x01;
  return t;
};

const readStdin = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};

await cryptoWaitReady();
await wasm.waitReady();
const request = await readStdin();

// 1. Verify Sn19's signatures, and the same signatures over tampered messages.
const sn19Key = bytes(request.sn19.publicKey);
const util = [], utilTampered = [], wasmOk = [], wasmTampered = [];
for (const item of request.sn19.items) {
  const message = bytes(item.message);
  const signature = bytes(item.signature);
  util.push(sr25519Verify(message, signature, sn19Key));
  utilTampered.push(sr25519Verify(tamper(message), signature, sn19Key));
  wasmOk.push(wasm.sr25519Verify(signature, message, sn19Key));
  wasmTampered.push(wasm.sr25519Verify(signature, tamper(message), sn19Key));
}

// 2. Sign messages with a key made here from the given seed, in both implementations.
const pair = sr25519PairFromSeed(bytes(request.nodeSeed));
const wasmPair = wasm.sr25519KeypairFromSeed(bytes(request.nodeSeed)); // secret(64, Ed25519 form) ‖ public(32)
const wasmSecret = wasmPair.slice(0, 64);
const wasmPublic = wasmPair.slice(64);
const messages = request.messages.map(bytes);

// 3. Mnemonic → mini secret, and secret URI → public key, for cross-checking key derivation.
const uriPublicKeys = request.uris.map((uri) => {
  const { phrase, path, password } = keyExtractSuri(uri);
  const seed = phrase.startsWith('0x') ? bytes(phrase.slice(2)) : mnemonicToMiniSecret(phrase, password);
  return hex(keyFromPath(sr25519PairFromSeed(seed), path, 'sr25519').publicKey);
});

process.stdout.write(JSON.stringify({
  utilVerifies: util,
  utilVerifiesTampered: utilTampered,
  wasmVerifies: wasmOk,
  wasmVerifiesTampered: wasmTampered,
  nodePublicKey: hex(pair.publicKey),
  wasmPublicKey: hex(wasmPublic),
  utilSignatures: messages.map((m) => hex(sr25519Sign(m, pair))),
  wasmSignatures: messages.map((m) => hex(wasm.sr25519Sign(wasmPublic, wasmSecret, m))),
  miniSecrets: request.mnemonics.map((m) => hex(mnemonicToMiniSecret(m))),
  uriPublicKeys,
}));
