/**
 * The parcels application's keys: one AES-256-GCM field cipher and two blind indexes (ID
 * numbers, phone numbers), derived once per platform secret (src/security/crypto.ts).
 * Sender and receiver phones share one index key, so a phone look-up finds both roles.
 */
import { BlindIndex, FieldCipher, deriveKey } from '../../security/crypto.ts';

export interface ParcelCrypto {
  readonly cipher: FieldCipher;
  /** Blind index of normalised ID numbers (18-character upper-case form for resident IDs). */
  readonly idIndex: BlindIndex;
  /** Blind index of normalised phone numbers (core validatePhone `normalized`). */
  readonly phoneIndex: BlindIndex;
}

const cache = new WeakMap<Buffer, ParcelCrypto>();

/** Keys for a platform secret (32 bytes); cached per secret buffer. */
export function parcelCrypto(secret: Buffer): ParcelCrypto {
  let c = cache.get(secret);
  if (!c) {
    c = Object.freeze({
      cipher: new FieldCipher(deriveKey(secret, 'parcels/field')),
      idIndex: new BlindIndex(deriveKey(secret, 'bidx/id-number')),
      phoneIndex: new BlindIndex(deriveKey(secret, 'bidx/phone')),
    });
    cache.set(secret, c);
  }
  return c;
}
