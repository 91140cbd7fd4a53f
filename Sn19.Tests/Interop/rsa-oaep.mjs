// RSA-OAEP (SHA-256, MGF1-SHA-256, no label) from node's own crypto (OpenSSL), the scheme fiber's handshake uses.
// Reads one JSON object on stdin and prints one:
//   {"op":"generate"}                                  -> {"publicPem","privatePem"}   (RSA-2048, e=65537, SPKI / PKCS#8)
//   {"op":"encrypt","publicPem":P,"keyHex":K}          -> {"ciphertext": base64}
//   {"op":"decrypt","privatePem":P,"ciphertext":C}     -> {"keyHex": hex}
import { generateKeyPairSync, publicEncrypt, privateDecrypt, constants } from 'node:crypto';

const input = JSON.parse(await new Promise(resolve => {
  let text = '';
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
const oaep = key => ({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' });
let output;
switch (input.op) {
  case 'generate': {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048, publicExponent: 65537,
      publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    output = { publicPem: publicKey, privatePem: privateKey };
    break;
  }
  case 'encrypt':
    output = { ciphertext: publicEncrypt(oaep(input.publicPem), Buffer.from(input.keyHex, 'hex')).toString('base64') };
    break;
  case 'decrypt':
    output = { keyHex: privateDecrypt(oaep(input.privatePem), Buffer.from(input.ciphertext, 'base64')).toString('hex') };
    break;
  default:
    throw new Error(`unknown op ${input.op}`);
}
process.stdout.write(JSON.stringify(output));
