/**
 * The parcels application's keys: one XChaCha20-Poly1305 field cipher and two blind indexes (ID
 * numbers, phone numbers), derived once per platform secret (src/security/crypto.ts).
 * Sender and receiver phones share one index key, so a phone look-up finds both roles.
 *
 * Encryptions and indexes of sender values are remembered per value (senderMemo.ts); receiver
 * values go to the cipher and index directly. Re-using a ciphertext for an equal plaintext
 * discloses only equality, which the blind index stored beside it already discloses by design.
 */
import { BlindIndex, FieldCipher, deriveKey } from '../../security/crypto.ts';
import { senderMemo } from './senderMemo.ts';

export interface ParcelCrypto {
  readonly cipher: FieldCipher;
  /** Blind index of normalised ID numbers (18-character upper-case form for resident IDs). */
  readonly idIndex: BlindIndex;
  /** Blind index of normalised phone numbers (core validatePhone `normalized`). */
  readonly phoneIndex: BlindIndex;
  /** Ciphertext of a value (memoised). */
  encrypt(value: string): string;
  /** Blind index of an ID number (memoised). */
  idKey(value: string): bigint;
  /** Blind index of a phone number (memoised). */
  phoneKey(value: string): bigint;
}

const cache = new WeakMap<Buffer, ParcelCrypto>();

/** Keys for a platform secret (32 bytes); cached per secret buffer. */
export function parcelCrypto(secret: Buffer): ParcelCrypto {
  let c = cache.get(secret);
  if (!c) {
    const cipher = new FieldCipher(deriveKey(secret, 'parcels/field'));
    const idIndex = new BlindIndex(deriveKey(secret, 'bidx/id-number'));
    const phoneIndex = new BlindIndex(deriveKey(secret, 'bidx/phone'));
    c = Object.freeze({
      cipher,
      idIndex,
      phoneIndex,
      encrypt: senderMemo((v) => cipher.encrypt(v)),
      idKey: senderMemo((v) => idIndex.of(v)),
      phoneKey: senderMemo((v) => phoneIndex.of(v)),
    });
    cache.set(secret, c);
  }
  return c;
}

/**
 * A decrypting function with a memo, for the values of one look-up: a sender's parcels re-use one
 * ciphertext per value (senderMemo.ts), so each is decrypted once. null or '' → null.
 * @throws Error from FieldCipher.decrypt when a value was altered or is not a stored ciphertext.
 */
export function memoDecrypter(keys: ParcelCrypto): (v: string | null) => string | null {
  const seen = new Map<string, string>();
  return (v) => {
    if (!v) return null;
    let p = seen.get(v);
    if (p === undefined) seen.set(v, (p = keys.cipher.decrypt(v)));
    return p;
  };
}
