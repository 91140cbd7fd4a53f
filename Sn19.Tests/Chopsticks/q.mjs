import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
const provider = new WsProvider('ws://127.0.0.1:19950');
const api = await ApiPromise.create({ provider, noInitWarn: true });
const kr = new Keyring({ type: 'sr25519' });
const v = kr.addFromUri('//Alice');
console.log((await api.query.subtensorModule.uids(1, v.address)).toJSON(), (await api.query.subtensorModule.keys(1, 0)).toJSON());
console.log(api.query.subtensorModule.uids.creator.meta.toJSON().type);
console.log(JSON.stringify(api.query.subtensorModule.weights.creator.meta.type.toJSON()));
process.exit(0);
