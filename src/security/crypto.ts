/**
 * Field encryption and blind indexes for personal data at rest (DESIGN.md "Safeguards").
 *
 * - Keys are derived from the 32-byte platform secret with HKDF-SHA256 (RFC 5869), one key per
 *   purpose string, so that an encryption key never doubles as an index key.
 * - `FieldCipher`: XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03: ChaCha20-Poly1305 of RFC 8439
 *   §2.8 under an HChaCha20 subkey) with a random 192-bit nonce per value, through libsodium
 *   (sodium-native). Stored form: `x1.` + base64url(nonce ‖ ciphertext ‖ 128-bit tag) — text on
 *   both SQLite and PostgreSQL. Values written before it, `g1.` + base64url(IV ‖ ciphertext ‖ tag)
 *   under AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV, are still read.
 * - `BlindIndex`: HMAC-SHA256 (RFC 2104) of the normalised value; the first 8 bytes read as a
 *   signed big-endian 64-bit integer, so equality look-ups run on an integer column without
 *   the plaintext. The same value always gives the same index under the same secret.
 */
import crypto from 'node:crypto';
import sodium from 'sodium-native';

/** Stored form of XChaCha20-Poly1305 values (written). */
const SEALED = 'x1.';
/** Stored form of AES-256-GCM values (read only). */
const LEGACY_GCM = 'g1.';
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const NONCE_POOL_BYTES = NONCE_BYTES * 4096;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;

/** A fresh random 192-bit nonce, cut from a pooled CSPRNG buffer (one getrandom call per 4,096 nonces). */
function nextNonce(): Buffer {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    noncePool = crypto.randomBytes(NONCE_POOL_BYTES);
    nonceOffset = 0;
  }
  const nonce = noncePool.subarray(nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

/**
 * Derive a 32-byte key for one purpose from the platform secret (HKDF-SHA256, empty salt,
 * info = `gongzhi:` + purpose). Deterministic: the same secret and purpose give the same key.
 */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), `gongzhi:${purpose}`, 32));
}

/**
 * Authenticated encryption of short text fields (ID numbers, phones, contacts).
 *
 * Why XChaCha20-Poly1305 and not AES-256-GCM, which it replaced:
 * - Random 96-bit IVs limit AES-GCM to 2^32 encryptions per key (NIST SP 800-38D §8.3). Parcels
 *   alone write up to three ciphertexts per parcel; a province registering 10,000,000 parcels a
 *   day would reach that limit in about 140 days. A random 192-bit nonce has no such limit in
 *   practice (collision probability about n²/2^193).
 * - Each node:crypto cipher is a native object built per value: 6.3–8.2 µs per phone-number
 *   decryption on the Intel bench machine, against 1.7–2.3 µs with libsodium's one call, and a
 *   look-up of one person's ~290 parcels decrypts ~290 receiver phones (bench/ingest.ts).
 * The XChaCha key is derived from the given key (HKDF-SHA256, info `gongzhi:xchacha20-poly1305`),
 * so one key never serves two algorithms; the given key itself still reads `g1.` values.
 */
export class FieldCipher {
  /** XChaCha20-Poly1305 key (32 bytes). */
  readonly #key: Buffer;
  // A KeyObject, imported once: a raw Buffer key is imported again by every cipher call.
  readonly #gcmKey: crypto.KeyObject;
  /** @param key 32 bytes, e.g. `deriveKey(ctx.secret, 'parcels/field')`. Throws if not 32 bytes. */
  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('FieldCipher needs a 32-byte key');
    this.#key = deriveKey(key, 'xchacha20-poly1305');
    this.#gcmKey = crypto.createSecretKey(key);
  }

  /** Encrypt UTF-8 text; returns the stored form `x1.<base64url>` (a fresh random nonce each call). */
  encrypt(plain: string): string {
    const message = Buffer.from(plain, 'utf8');
    const body = Buffer.allocUnsafe(NONCE_BYTES + message.length + TAG_BYTES);
    const nonce = body.subarray(0, NONCE_BYTES);
    nextNonce().copy(nonce);
    sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(body.subarray(NONCE_BYTES), message, null, null, nonce, this.#key);
    return SEALED + body.toString('base64url');
  }

  /**
   * Decrypt a stored form (`x1.` or the earlier `g1.`). Throws if the value was altered, was
   * encrypted under another key, or is not a stored form.
   */
  decrypt(stored: string): string {
    if (stored.startsWith(SEALED)) {
      const body = Buffer.from(stored.slice(SEALED.length), 'base64url');
      if (body.length < NONCE_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
      const message = Buffer.allocUnsafe(body.length - NONCE_BYTES - TAG_BYTES);
      // libsodium checks the tag before it writes any plaintext and throws if it does not verify.
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(message, null, body.subarray(NONCE_BYTES), null, body.subarray(0, NONCE_BYTES), this.#key);
      return message.toString('utf8');
    }
    if (stored.startsWith(LEGACY_GCM)) return this.#decryptGcm(stored);
    throw new Error('not a stored ciphertext (x1. or g1.)');
  }

  #decryptGcm(stored: string): string {
    const body = Buffer.from(stored.slice(LEGACY_GCM.length), 'base64url');
    if (body.length < 28) throw new Error('ciphertext too short');
    const d = crypto.createDecipheriv('aes-256-gcm', this.#gcmKey, body.subarray(0, 12));
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
