import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
const provider = new WsProvider('ws://127.0.0.1:19950');
const api = await ApiPromise.create({ provider, noInitWarn: true });
const kr = new Keyring({ type: 'sr25519' });
const v = kr.addFromUri('//Alice'), b = kr.addFromUri('//Bob'), c = kr.addFromUri('//Charlie');
const cold = kr.addFromUri('//Ferdie');
const hot = [v, b, c].map(k => k.address);
const N = 1;
const S = { SubtensorModule: {
  NetworksAdded: [[[N], true]], SubnetworkN: [[[N], 3]], Tempo: [[[N], 10]],
  Keys: hot.map((h, i) => [[N, i], h]), Uids: hot.map((h, i) => [[N, h], i]),
  IsNetworkMember: hot.map(h => [[h, N], true]), Owner: hot.map(h => [[h], cold.address]),
  Axons: hot.map((h, i) => [[N, h], { block: 1, version: 1, ip: 0x7f000001, port: 9000 + i, ipType: 4, protocol: 4, placeholder1: 0, placeholder2: 0 }]),
  ValidatorPermit: [[[N], [true, false, false]]], LastUpdate: [[[N], [0, 0, 0]]], Active: [[[N], [true, true, true]]],
  BlockAtRegistration: hot.map((h, i) => [[N, i], 0]),
  TotalHotkeyAlpha: [[[v.address, N], 1000000000000]], Alpha: [[[v.address, cold.address, N], 1000000000000]],
  Stake: [[[v.address, cold.address], 1000000000000]],
  WeightsMinStake: 0, WeightsSetRateLimit: [[[N], 0]], MinAllowedWeights: [[[N], 1]], MaxWeightsLimit: [[[N], 65535]],
  CommitRevealWeightsEnabled: [[[N], false]], WeightsVersionKey: [[[N], 0]], MaxAllowedUids: [[[N], 256]], MaxAllowedValidators: [[[N], 64]],
}, System: { Account: hot.map(h => [[h], { providers: 1, data: { free: 1000000000000 } }]) } };
console.log('setStorage', await provider.send('dev_setStorage', [S]));
const rawUids = hot.map((h, i) => [api.query.subtensorModule.uids.key(N, h), api.createType('u16', i).toHex()]);
console.log('raw', await provider.send('dev_setStorage', [rawUids]));
console.log('uids', (await api.query.subtensorModule.uids(N, v.address)).toJSON());
const head = await api.rpc.chain.getHeader(); console.log('head', head.number.toString());
const raw = await provider.send('state_call', ['NeuronInfoRuntimeApi_get_neurons_lite', '0x0100']);
console.log('neurons', raw.length, raw.slice(0, 200));
const unsub = await api.tx.subtensorModule.setWeights(N, [1, 2], [65535, 32768], 0).signAndSend(v, { era: 64 }, r => {
  console.log('status', r.status.type, r.dispatchError ? (r.dispatchError.isModule ? JSON.stringify(api.registry.findMetaError(r.dispatchError.asModule)) : r.dispatchError.toString()) : '');
  if (r.status.isInBlock) { r.events.forEach(e => console.log(' ev', e.event.section, e.event.method)); }
});
await provider.send('dev_newBlock', [{}]).catch(e => console.log('newBlock', e.message));
await new Promise(r => setTimeout(r, 3000));
console.log('weights', JSON.stringify((await api.query.subtensorModule.weights(N, 0)).toJSON()));
console.log('lastUpdate', JSON.stringify((await api.query.subtensorModule.lastUpdate(N)).toJSON()));
process.exit(0);
