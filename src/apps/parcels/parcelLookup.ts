/**
 * Look-up of parcels (查询) by waybill number, or by a person's ID number or phone number
 * through the blind indexes — the query side only. Access (policy parcel.lookup: investigator
 * with a stated purpose), the audit entry and masking are applied by the route (routes.ts)
 * with src/security, around this one call.
 */
import { AppError } from '../../core/errors.ts';
import { validateIdNumber, validatePhone } from '../../core/index.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { courierCode, courierCodes } from './coreBridge.ts';
import { ParcelErrors } from './errors.ts';
import { identifierReaderFor, READER_MIN_PARCELS, type Identifiers } from './identifierReader.ts';
import { memoDecrypter, parcelCrypto, type ParcelCrypto } from './parcelCrypto.ts';
import * as repo from './repository.ts';
import type { ParcelTable } from './schema.ts';
import type { ScreeningHit } from './screening.ts';

export interface LookupQuery {
  readonly waybillNo?: string;
  readonly courier?: string;
  readonly idNumber?: string;
  readonly phone?: string;
}

/** A parcel as the API shows it before masking (GLOSSARY names; identifiers decrypted). */
export interface ParcelView {
  id: number;
  courier: string;
  waybillNo: string;
  acceptedAt: string;
  acceptedDay: string;
  outlet: string;
  clerk: string;
  senderName: string;
  senderIdType: string;
  senderIdNumber: string | null;
  senderPhone: string | null;
  senderAddress: string;
  senderProvince: string | null;
  receiverName: string;
  receiverPhone: string | null;
  receiverAddress: string;
  receiverProvince: string | null;
  itemName: string;
  itemNature: string;
  itemQuantity: number;
  weightGrams: number;
  inspected: boolean;
  realNameOk: boolean;
  noncompliance: string[];
  flags: ScreeningHit[];
  source: string;
  /** Which fields of the parcel matched the query: 'waybill', 'sender', 'receiver'. */
  matchedAs: string[];
}

export interface LookupResult {
  readonly by: 'waybill' | 'idNumber' | 'phone';
  readonly parcels: ParcelView[];
  /** True when more parcels matched than repository LOOKUP_LIMIT. */
  readonly truncated: boolean;
}

/** How a look-up runs (tests and tools; the defaults are what the API does). */
export interface LookupOptions {
  /** false: read and decrypt the identifiers on this thread even when the reader thread could (identifierReader.ts). */
  readonly identifierThread?: boolean;
}

const C = repo.VIEW_AT;

/** A look-up tuple (repository VIEW_COLUMNS order) as the API shows it before masking. */
function view(r: repo.ParcelViewTuple, dec: (v: string | null) => string | null, matchedAs: string[]): ParcelView {
  const acceptedAt = r[C.accepted_at] as string | Date;
  const noncompliance = r[C.noncompliance] as string | null;
  const flags = r[C.flagged_terms] as string | null;
  return {
    id: Number(r[C.id]),
    courier: r[C.courier] as string,
    waybillNo: r[C.waybill_no] as string,
    // SQLite keeps the ISO instant as text; PostgreSQL returns a Date.
    acceptedAt: typeof acceptedAt === 'string' && acceptedAt.endsWith('Z') ? acceptedAt : new Date(acceptedAt).toISOString(),
    acceptedDay: r[C.accepted_day] as string,
    outlet: r[C.outlet] as string,
    clerk: r[C.clerk] as string,
    senderName: r[C.sender_name] as string,
    senderIdType: r[C.sender_id_type] as string,
    senderIdNumber: dec(r[C.sender_id_enc] as string | null),
    senderPhone: dec(r[C.sender_phone_enc] as string | null),
    senderAddress: r[C.sender_address] as string,
    senderProvince: r[C.sender_province] as string | null,
    receiverName: r[C.receiver_name] as string,
    receiverPhone: dec(r[C.receiver_phone_enc] as string | null),
    receiverAddress: r[C.receiver_address] as string,
    receiverProvince: r[C.receiver_province] as string | null,
    itemName: r[C.item_name] as string,
    itemNature: r[C.item_nature] as string,
    itemQuantity: Number(r[C.item_quantity]),
    weightGrams: Number(r[C.weight_grams]),
    inspected: Number(r[C.inspected]) === 1,
    realNameOk: Number(r[C.real_name_ok]) === 1,
    noncompliance: noncompliance ? noncompliance.split(',') : [],
    flags: flags ? (JSON.parse(flags) as ScreeningHit[]) : [],
    source: r[C.source] as string,
    matchedAs,
  };
}

/**
 * Views of these parcels (newest first), identifiers decrypted: on the identifier reader thread
 * while this thread reads the other columns when the look-up is large enough and the thread is
 * up, else here. A reply that does not list exactly these rows (a parcel gone in between) is
 * dropped and the identifiers are read here.
 */
async function personViews(ctx: PlatformContext, keys: ParcelCrypto, ids: readonly number[], matchedAs: readonly string[], options: LookupOptions): Promise<ParcelView[]> {
  const d = ctx.database;
  const threaded = options.identifierThread !== false && ids.length >= READER_MIN_PARCELS ? identifierReaderFor(d, ctx.secret)?.request(ids) : null;
  if (threaded) {
    const rows = await repo.parcelsByIds(d, ids, { withIdentifiers: false });
    const none = () => null;
    const views = rows.map((r) => view(r, none, [...matchedAs]));
    const got = await threaded.catch(() => null);
    if (got && sameParcels(got, views)) {
      for (let i = 0; i < views.length; i++) {
        const v = views[i]!;
        v.senderIdNumber = got.values[3 * i]!;
        v.senderPhone = got.values[3 * i + 1]!;
        v.receiverPhone = got.values[3 * i + 2]!;
      }
      return views;
    }
  }
  const dec = memoDecrypter(keys);
  return (await repo.parcelsByIds(d, ids)).map((r) => view(r, dec, [...matchedAs]));
}

function sameParcels(got: Identifiers, views: readonly ParcelView[]): boolean {
  if (got.ids.length !== views.length || got.values.length !== 3 * views.length) return false;
  for (let i = 0; i < views.length; i++) if (got.ids[i] !== views[i]!.id) return false;
  return true;
}

function normalisedId(value: string): string {
  const r = validateIdNumber(value);
  return r.valid && r.normalized ? r.normalized : value.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

/**
 * Find parcels: by `waybillNo` (with `courier`, or among all couriers when omitted), else by
 * `idNumber` (sender), else by `phone` (sender or receiver). Identifiers are normalised the way
 * they were stored (an invalid resident ID number was never stored, so it finds nothing).
 * On a SQLite file, a person look-up of READER_MIN_PARCELS parcels or more has their identifiers
 * read and decrypted on the identifier reader thread (identifierReader.ts) unless
 * `options.identifierThread` is false; the result is the same either way.
 * @throws AppError PARCEL_LOOKUP_CRITERIA when no criterion is given.
 */
export async function lookupParcels(ctx: PlatformContext, q: LookupQuery, options: LookupOptions = {}): Promise<LookupResult> {
  const keys = parcelCrypto(ctx.secret);
  const d = ctx.database;
  if (q.waybillNo?.trim()) {
    const code = q.courier?.trim() ? courierCode(q.courier.trim()) : null;
    const couriers = q.courier?.trim() ? (code ? [code] : []) : courierCodes();
    const rows = await repo.findByWaybill(d, couriers, q.waybillNo.trim().toUpperCase());
    return { by: 'waybill', parcels: rows.map((r) => view(repo.VIEW_COLUMNS.map((c) => r[c]), memoDecrypter(keys), ['waybill'])), truncated: false };
  }
  if (q.idNumber?.trim()) {
    const key = keys.idIndex.of(normalisedId(q.idNumber.trim()));
    const ids = await repo.parcelIdsByKey(d, key);
    // ID-number and phone keys come from different HMAC keys, so every hit is a sender ID match.
    return { by: 'idNumber', parcels: await personViews(ctx, keys, ids, ['sender'], options), truncated: ids.length >= repo.LOOKUP_LIMIT };
  }
  if (q.phone?.trim()) {
    const p = validatePhone(q.phone.trim());
    const phone = p.valid && p.normalized ? p.normalized : q.phone.trim();
    const key = keys.phoneIndex.of(phone);
    const ids = await repo.parcelIdsByKey(d, key);
    const views: ParcelView[] = [];
    for (const v of await personViews(ctx, keys, ids, [], options)) {
      if (v.senderPhone === phone) v.matchedAs.push('sender');
      if (v.receiverPhone === phone) v.matchedAs.push('receiver');
      if (v.matchedAs.length > 0) views.push(v);
    }
    return { by: 'phone', parcels: views, truncated: ids.length >= repo.LOOKUP_LIMIT };
  }
  throw new AppError(ParcelErrors.PARCEL_LOOKUP_CRITERIA);
}
