// What polkadot-js (@polkadot/types 16.5.6) decodes from the finney recordings in shared/data/subtensor: for both
// metadata blobs (V14 and V15) every pallet's name, index, calls (name and index), storage items and the signed
// extensions; and the neurons of NeuronInfoRuntimeApi_get_neurons_lite at block 6852690, netuid 1, decoded with the output
// type the V15 metadata gives that method. Every input must be consumed to the last byte.
//
//   node decode-finney.mjs DATA_DIR   (prints one JSON document)
import fs from "node:fs";
import path from "node:path";
import { Metadata, TypeRegistry } from "@polkadot/types";

const dir = process.argv[2];
const bytes = (hex) => Uint8Array.from(Buffer.from(hex.trim().replace(/^0x/, ""), "hex"));
const silence = console.warn;
console.warn = () => {}; // polkadot-js warns about signed extensions it has no types for; they carry none here

function load(bytesOfMetadata) {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytesOfMetadata);
  if (metadata.encodedLength !== bytesOfMetadata.length) throw new Error("metadata not consumed to the end");
  registry.setMetadata(metadata);
  return { registry, metadata };
}

function summary({ registry, metadata }) {
  const latest = metadata.version === 14 ? metadata.asV14 : metadata.asV15;
  return {
    version: metadata.version,
    types: latest.lookup.types.length,
    pallets: latest.pallets.map((p) => ({
      name: p.name.toString(),
      index: p.index.toNumber(),
      calls: p.calls.isSome
        ? registry.lookup.getSiType(p.calls.unwrap().type).def.asVariant.variants.map((v) => [v.name.toString(), v.index.toNumber()])
        : [],
      storage: p.storage.isSome ? p.storage.unwrap().items.map((i) => i.name.toString()) : [],
    })),
    signedExtensions: latest.extrinsic.signedExtensions.map((e) => e.identifier.toString()),
  };
}

const v14 = load(bytes(fs.readFileSync(path.join(dir, "finney-spec343-metadata-v14.hex"), "utf8")));
const wrapped = new TypeRegistry().createType("Option<Bytes>", bytes(fs.readFileSync(path.join(dir, "finney-spec343-metadata-v15-option.hex"), "utf8")));
const v15 = load(wrapped.unwrap().toU8a(true));

const recorded = JSON.parse(fs.readFileSync(path.join(dir, "finney-recorded-rpc.json"), "utf8")).metagraph.state_call;
const answer = bytes(recorded[Object.keys(recorded).find((k) => k.includes("NeuronInfoRuntimeApi_get_neurons_lite"))].result);
const method = v15.metadata.asV15.apis.find((a) => a.name.toString() === "NeuronInfoRuntimeApi").methods.find((m) => m.name.toString() === "get_neurons_lite");
const neurons = v15.registry.createTypeUnsafe(v15.registry.createLookupType(method.output), [answer]);
if (neurons.encodedLength !== answer.length) throw new Error("neurons not consumed to the end");

// An axon's address as text (this script's own conversion, independent of Sn19's): none for 0, else IPv4 dotted from the
// low 32 bits, or IPv6 as eight uncompressed groups.
const ipText = (ip, type) => ip === 0n ? null
  : type === 4 ? [24n, 16n, 8n, 0n].map((s) => ((ip >> s) & 255n).toString()).join(".")
  : [...Array(8).keys()].map((g) => ((ip >> BigInt(112 - 16 * g)) & 0xffffn).toString(16)).join(":");
console.warn = silence;
console.log(JSON.stringify({
  metadata: { v14: summary(v14), v15: summary(v15) },
  neurons: neurons.map((n) => ({
    uid: n.uid.toNumber(),
    hotkey: n.hotkey.toString(),
    coldkey: n.coldkey.toString(),
    stake: n.stake.reduce((sum, [, amount]) => sum + amount.toBigInt(), 0n).toString(),
    axonIp: ipText(n.axonInfo.ip.toBigInt(), n.axonInfo.ipType.toNumber()),
    axonPort: n.axonInfo.port.toNumber(),
    validatorPermit: n.validatorPermit.isTrue,
    active: n.active.isTrue,
    lastUpdate: n.lastUpdate.toString(),
  })),
}));
