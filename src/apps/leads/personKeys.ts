/**
 * Pseudonymous keys of persons in the leads application: the parcels app's blind indexes
 * (HMAC-SHA256 under the platform secret, src/apps/parcels/parcelCrypto.ts) of the normalised
 * identifier, as text. A key links records of one identifier without revealing it.
 * - person key `id:<index>`: a sender's ID number (subjects of tags and leads);
 * - node key `ph:<index>`: a phone number (nodes of the parcel network).
 */
import { validateIdNumber, validatePhone } from '../../core/index.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { parcelCrypto } from '../parcels/parcelCrypto.ts';

/** The ID number as the parcels app normalised it before indexing (GB 11643 18-character form when valid). */
export function normaliseIdNumber(value: string): string {
  const r = validateIdNumber(value.trim());
  return r.valid && r.normalized ? r.normalized : value.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

/** Person key `id:<blind index>` of a sender's ID number. */
export function personKeyOf(ctx: PlatformContext, idNumber: string): string {
  return `id:${parcelCrypto(ctx.secret).idKey(normaliseIdNumber(idNumber)).toString()}`;
}

/** Node key `ph:<blind index>` of a phone number (normalised by core validatePhone when valid). */
export function nodeKeyOf(ctx: PlatformContext, phone: string): string {
  const p = validatePhone(phone.trim());
  return `ph:${parcelCrypto(ctx.secret).phoneKey(p.valid && p.normalized ? p.normalized : phone.trim()).toString()}`;
}
