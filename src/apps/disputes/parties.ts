/**
 * Parties of an appeal (当事人): applicant(s), respondent(s), third parties, persons or
 * organisations. Names, phones and addresses are stored encrypted (XChaCha20-Poly1305, src/security/crypto.ts, under a key
 * derived from the platform secret for 'disputes/party'); the applicant's phone (or a given
 * submitter key, e.g. an Open311 account) is blind-indexed ('disputes/submitter') so repeat
 * appeals can be counted without storing it in clear. Shown masked by default
 * (张** · 138****5678 · address cut after the county), in full only with a stated purpose.
 */
import { deriveKey, BlindIndex, FieldCipher } from '../../security/crypto.ts';
import { maskAddress, maskName, maskPhone } from '../../security/masking.ts';
import type { PartyRow } from './schema.ts';

export const PARTY_SIDES = ['applicant', 'respondent', 'third_party'] as const;
export type PartySide = (typeof PARTY_SIDES)[number];

/** A party as submitted and as shown. */
export interface Party {
  readonly side: PartySide;
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly phone?: string | null;
  readonly address?: string | null;
}

const keys = new WeakMap<Buffer, { cipher: FieldCipher; index: BlindIndex }>();
function crypto(secret: Buffer) {
  let k = keys.get(secret);
  if (!k) {
    k = { cipher: new FieldCipher(deriveKey(secret, 'disputes/party')), index: new BlindIndex(deriveKey(secret, 'disputes/submitter')) };
    keys.set(secret, k);
  }
  return k;
}

/** Rows to store for the parties (encrypted), in order. */
export function encryptParties(secret: Buffer, parties: readonly Party[]): Omit<PartyRow, 'id' | 'appeal_id'>[] {
  const { cipher } = crypto(secret);
  return parties.map((p, seq) => ({
    seq, side: p.side, party_kind: p.kind, name_enc: cipher.encrypt(p.name),
    phone_enc: p.phone ? cipher.encrypt(p.phone) : null, address_enc: p.address ? cipher.encrypt(p.address) : null,
  }));
}

/** Parties read back, in full or masked (organisations' names are never masked). */
export function decryptParties(secret: Buffer, rows: readonly Pick<PartyRow, 'side' | 'party_kind' | 'name_enc' | 'phone_enc' | 'address_enc'>[], disclosure: 'full' | 'masked'): Party[] {
  const { cipher } = crypto(secret);
  return rows.map((r) => {
    const name = cipher.decrypt(r.name_enc);
    const phone = r.phone_enc ? cipher.decrypt(r.phone_enc) : null;
    const address = r.address_enc ? cipher.decrypt(r.address_enc) : null;
    const full = disclosure === 'full';
    return {
      side: r.side as PartySide, kind: r.party_kind as Party['kind'],
      name: full || r.party_kind === 'organisation' ? name : maskName(name),
      phone: phone && !full ? maskPhone(phone) : phone,
      address: address && !full ? maskAddress(address) : address,
    };
  });
}

/**
 * The blind index (decimal text) of the submitter: an explicit key, else the first applicant's
 * phone with non-digits removed; null when neither is given.
 */
export function submitterIndex(secret: Buffer, parties: readonly Party[], submitterKey?: string | null): string | null {
  const raw = submitterKey?.trim() || parties.find((p) => p.side === 'applicant' && p.phone)?.phone?.replace(/\D/g, '') || '';
  return raw ? crypto(secret).index.of(raw).toString() : null;
}
