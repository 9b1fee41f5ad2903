/**
 * Field encryption and blind indexes for personal data at rest (DESIGN.md "Safeguards").
 *
 * - Keys are derived from the 32-byte platform secret with HKDF-SHA256 (RFC 5869), one key per
 *   purpose string, so that an encryption key never doubles as an index key.
 * - `FieldCipher`: AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV per value. Stored form:
 *   `g1.` + base64url(IV ‖ ciphertext ‖ 128-bit tag) — text on both SQLite and PostgreSQL.
 * - `BlindIndex`: HMAC-SHA256 (RFC 2104) of the normalised value; the first 8 bytes read as a
 *   signed big-endian 64-bit integer, so equality look-ups run on an integer column without
 *   the plaintext. The same value always gives the same index under the same secret.
 */
import crypto from 'node:crypto';

const PREFIX = 'g1.';
const IV_POOL_BYTES = 12 * 4096;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

/** A fresh random 96-bit IV, cut from a pooled CSPRNG buffer (one getrandom call per 4,096 IVs). */
function nextIv(): Buffer {
  if (ivOffset + 12 > ivPool.length) {
    ivPool = crypto.randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + 12);
  ivOffset += 12;
  return iv;
}

/**
 * Derive a 32-byte key for one purpose from the platform secret (HKDF-SHA256, empty salt,
 * info = `gongzhi:` + purpose). Deterministic: the same secret and purpose give the same key.
 */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), `gongzhi:${purpose}`, 32));
}

/** AES-256-GCM encryption of short text fields (ID numbers, phones). */
export class FieldCipher {
  // A KeyObject, imported once: a raw Buffer key is imported again by every cipher call
  // (about a quarter of a 4–5 µs decryption, bench/ingest.ts look-ups).
  readonly #key: crypto.KeyObject;
  /** @param key 32 bytes, e.g. `deriveKey(ctx.secret, 'parcels/field')`. Throws if not 32 bytes. */
  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('FieldCipher needs a 32-byte key');
    this.#key = crypto.createSecretKey(key);
  }

  /** Encrypt UTF-8 text; returns the stored form `g1.<base64url>` (a fresh IV each call). */
  encrypt(plain: string): string {
    const iv = nextIv();
    const c = crypto.createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([iv, c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
    return PREFIX + body.toString('base64url');
  }

  /** Decrypt a stored form. Throws if the value was altered or encrypted under another key. */
  decrypt(stored: string): string {
    if (!stored.startsWith(PREFIX)) throw new Error('not a g1 ciphertext');
    const body = Buffer.from(stored.slice(PREFIX.length), 'base64url');
    if (body.length < 28) throw new Error('ciphertext too short');
    const d = crypto.createDecipheriv('aes-256-gcm', this.#key, body.subarray(0, 12));
    d.setAuthTag(body.subarray(body.length - 16));
    const plain = d.update(body.subarray(12, body.length - 16)).toString('utf8');
    d.final(); // GCM yields no bytes here; it throws if the tag does not verify
    return plain;
  }
}

/** Block size of SHA-256 in bytes (RFC 2104 "B"). */
const SHA256_BLOCK = 64;

/**
 * Keyed blind index: HMAC-SHA256 truncated to a signed 64-bit integer.
 *
 * HMAC is computed as RFC 2104 §2 defines it, H((K0 ⊕ opad) ‖ H((K0 ⊕ ipad) ‖ m)), with two
 * one-shot `crypto.hash` calls (Node ≥ 20.12) instead of a `crypto.createHmac` object per value:
 * every such object is a native handle that the next young-generation collection must finalise,
 * and on the registration thread (one receiver phone per record) that made each scavenge pause
 * 4–10 ms longer (600,000 values: 529 ms of scavenge pauses with createHmac, 137 ms with this, at
 * the same 3.8–4.0 µs per value). Equal to `createHmac` for every key and value (crypto.test.ts).
 */
export class BlindIndex {
  /** K0 ⊕ ipad (64 bytes). */
  readonly #inner: Buffer;
  /** K0 ⊕ opad followed by room for the inner digest (64 + 32 bytes); written by `of`. */
  readonly #outer: Buffer;
  /** @param key at least 32 bytes, e.g. `deriveKey(ctx.secret, 'bidx/id-number')`. */
  constructor(key: Buffer) {
    if (key.length < 32) throw new Error('BlindIndex needs a key of at least 32 bytes');
    // K0: the key padded with zeros to the block size, or its digest if longer (RFC 2104 §2).
    const k0 = Buffer.alloc(SHA256_BLOCK);
    (key.length > SHA256_BLOCK ? crypto.hash('sha256', key, 'buffer') : key).copy(k0);
    this.#inner = Buffer.from(k0.map((b) => b ^ 0x36));
    this.#outer = Buffer.alloc(SHA256_BLOCK + 32);
    for (let i = 0; i < SHA256_BLOCK; i++) this.#outer[i] = k0[i]! ^ 0x5c;
  }

  /** The index of a normalised value (UTF-8) as a bigint in [-2^63, 2^63). */
  of(normalized: string): bigint {
    const inner = crypto.hash('sha256', Buffer.concat([this.#inner, Buffer.from(normalized, 'utf8')]), 'buffer');
    inner.copy(this.#outer, SHA256_BLOCK);
    return crypto.hash('sha256', this.#outer, 'buffer').readBigInt64BE(0);
  }
}
