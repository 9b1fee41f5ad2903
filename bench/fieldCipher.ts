/**
 * Field cipher benchmark (`npm run bench:field-cipher [-- --values N]`): encryption and
 * decryption of N mobile numbers (11 digits, the receiver phone of every parcel) and N resident
 * ID numbers (18 characters) with src/security/crypto.ts `FieldCipher` (XChaCha20-Poly1305 through
 * libsodium, stored form `x1.`), each as a ratio to the baseline "node:crypto AES-256-GCM": the
 * same values through `crypto.createCipheriv` / `createDecipheriv('aes-256-gcm')` with an imported
 * KeyObject and a random 96-bit IV, stored form `g1.` (FieldCipher's own form before 2026-12-01).
 * Both sides include the base64url text form. Prints µs per value and the ratio baseline ÷ ours
 * (above 1 = ours faster), best of five passes after a warm-up.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { FieldCipher, deriveKey } from '../src/security/crypto.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--values');
const N = at >= 0 ? Number(args[at + 1]) : 100_000;

const key = deriveKey(crypto.randomBytes(32), 'bench/field');
const ours = new FieldCipher(key);
const gcmKey = crypto.createSecretKey(key);

let ivPool = Buffer.alloc(0);
let ivAt = 0;
function gcmEncrypt(plain: string): string {
  // IVs cut from a pooled CSPRNG buffer, as FieldCipher did (one getrandom call per 4,096 IVs).
  if (ivAt + 12 > ivPool.length) {
    ivPool = crypto.randomBytes(12 * 4096);
    ivAt = 0;
  }
  const iv = ivPool.subarray(ivAt, (ivAt += 12));
  const c = crypto.createCipheriv('aes-256-gcm', gcmKey, iv);
  return 'g1.' + Buffer.concat([iv, c.update(plain, 'utf8'), c.final(), c.getAuthTag()]).toString('base64url');
}

function gcmDecrypt(stored: string): string {
  const body = Buffer.from(stored.slice(3), 'base64url');
  const d = crypto.createDecipheriv('aes-256-gcm', gcmKey, body.subarray(0, 12));
  d.setAuthTag(body.subarray(body.length - 16));
  const plain = d.update(body.subarray(12, body.length - 16)).toString('utf8');
  d.final();
  return plain;
}

/** Best µs per value of five passes of `f` over `values`. */
function best(values: readonly string[], f: (v: string) => string): number {
  let min = Infinity;
  for (let pass = 0; pass < 6; pass++) {
    const t = performance.now();
    for (const v of values) f(v);
    const us = ((performance.now() - t) * 1000) / values.length;
    if (pass > 0) min = Math.min(min, us);
  }
  return min;
}

const phones = Array.from({ length: N }, (_, i) => `13${String(800_000_000 + i * 37).padStart(9, '0')}`);
const idNumbers = Array.from({ length: N }, (_, i) => `32010519${String(1960 + (i % 40))}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}X`);
console.log(`# bench:field-cipher — ${new Date().toISOString()} — ${os.cpus().length}× ${os.cpus()[0]?.model}, Node ${process.version}, ${N.toLocaleString('en')} values per kind`);
for (const [kind, values] of [['mobile numbers', phones], ['ID numbers', idNumbers]] as const) {
  const sealed = values.map((v) => ours.encrypt(v));
  const legacy = values.map(gcmEncrypt);
  if (ours.decrypt(sealed[0]!) !== values[0] || gcmDecrypt(legacy[0]!) !== values[0] || ours.decrypt(legacy[0]!) !== values[0]) throw new Error('round trip failed');
  const enc = [best(values, (v) => ours.encrypt(v)), best(values, gcmEncrypt)] as const;
  const dec = [best(sealed, (v) => ours.decrypt(v)), best(legacy, gcmDecrypt)] as const;
  console.log(`${kind}: encrypt ${enc[0].toFixed(2)} µs (baseline AES-256-GCM ${enc[1].toFixed(2)} µs) = ${(enc[1] / enc[0]).toFixed(2)} × baseline speed; ` +
    `decrypt ${dec[0].toFixed(2)} µs (baseline ${dec[1].toFixed(2)} µs) = ${(dec[1] / dec[0]).toFixed(2)} × baseline speed; stored ${sealed[0]!.length} characters (baseline ${legacy[0]!.length})`);
}
