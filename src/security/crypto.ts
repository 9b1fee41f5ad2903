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

/** Keyed blind index: HMAC-SHA256 truncated to a signed 64-bit integer. */
export class BlindIndex {
  readonly #key: Buffer;
  /** @param key at least 32 bytes, e.g. `deriveKey(ctx.secret, 'bidx/id-number')`. */
  constructor(key: Buffer) {
    if (key.length < 32) throw new Error('BlindIndex needs a key of at least 32 bytes');
    this.#key = key;
  }

  /** The index of a normalised value as a bigint in [-2^63, 2^63). */
  of(normalized: string): bigint {
    return crypto.createHmac('sha256', this.#key).update(normalized, 'utf8').digest().readBigInt64BE(0);
  }
}
