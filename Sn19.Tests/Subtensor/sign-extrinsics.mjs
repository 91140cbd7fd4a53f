// polkadot-js (@polkadot/types 16.5.6) and @scure/sr25519 build and sign extrinsics offline, the oracle for Sn19's
// Subtensor client. Reads on stdin {metadata: FILE (a metadata V14 hex file), cases: [{pallet, call, args (snake_case
// names as in the metadata), nonce, period, current, blockHash, genesisHash, specVersion, transactionVersion, seed, random}]}
// and prints, per case, the call, the signing payload, the signature (with the injected randomness) and the extrinsic,
// all 0x-hex.
import fs from "node:fs";
import { Metadata, TypeRegistry } from "@polkadot/types";
import * as sr from "@scure/sr25519";

const bytes = (hex) => Uint8Array.from(Buffer.from(hex.trim().replace(/^0x/, ""), "hex"));
const hex = (u8) => "0x" + Buffer.from(u8).toString("hex");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
console.warn = () => {}; // polkadot-js warns about signed extensions it has no types for; they carry none here

const registry = new TypeRegistry();
registry.setMetadata(new Metadata(registry, bytes(fs.readFileSync(input.metadata, "utf8"))));
const pallets = registry.metadata.pallets;

const results = input.cases.map((c) => {
  const pallet = pallets.find((p) => p.name.toString() === c.pallet);
  const variant = registry.lookup.getSiType(pallet.calls.unwrap().type).def.asVariant.variants.find((v) => v.name.toString() === c.call);
  // Arguments by their metadata names (snake_case): polkadot-js silently defaults a field it does not find by that name.
  const method = registry.createType("Call", { callIndex: [pallet.index.toNumber(), variant.index.toNumber()], args: c.args });
  const era = registry.createType("ExtrinsicEra", { current: c.current, period: c.period });
  const payload = registry.createType("ExtrinsicPayload", {
    method: method.toHex(), era: era.toHex(), nonce: c.nonce, tip: 0, specVersion: c.specVersion,
    transactionVersion: c.transactionVersion, genesisHash: c.genesisHash, blockHash: c.blockHash, mode: 0,
  }, { version: 4 });
  let toSign = payload.toU8a({ method: true });
  if (toSign.length > 256) toSign = registry.hash(toSign);
  const secret = sr.secretFromSeed(bytes(c.seed));
  const signature = sr.sign(secret, toSign, () => bytes(c.random));
  const extrinsic = registry.createType("Extrinsic", method, { version: 4 });
  extrinsic.addSignature(hex(sr.getPublicKey(secret)), hex(new Uint8Array([1, ...signature])), payload.toHex());
  return { call: method.toHex(), payload: hex(toSign), signature: hex(signature), extrinsic: extrinsic.toHex() };
});
console.log(JSON.stringify(results));
