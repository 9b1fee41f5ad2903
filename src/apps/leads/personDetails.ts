/**
 * Masked views of persons and parcels for the leads application: personal data leaves only
 * masked (DESIGN "Safeguards": masking by default), read from `parcels` by id and decrypted
 * with the parcels app's field cipher just long enough to mask.
 */
import { sql } from 'kysely';
import type { PlatformContext } from '../../platform/module.ts';
import { maskAddress, maskName, maskPhone } from '../../security/masking.ts';
import { memoDecrypter, parcelCrypto } from '../parcels/parcelCrypto.ts';

/** A person as a node or a lead shows them: masked name and phone. */
export interface PersonDetail {
  readonly name: string | null;
  readonly phone: string | null;
}

/** A parcel as evidence row: ids, time, masked parties, provinces, item and screening flags. */
export interface EvidenceParcel {
  readonly id: number;
  readonly courier: string;
  readonly waybillNo: string;
  readonly acceptedAt: string;
  readonly senderName: string;
  readonly senderPhone: string | null;
  readonly senderAddress: string;
  readonly senderProvince: string | null;
  readonly receiverName: string;
  readonly receiverPhone: string | null;
  readonly receiverAddress: string;
  readonly receiverProvince: string | null;
  readonly itemName: string;
  readonly flaggedTerms: readonly string[];
}

interface Row {
  id: number | string; courier: string; waybill_no: string; accepted_at: string | Date; sender_name: string; sender_phone_enc: string | null; sender_address: string;
  sender_province: string | null; receiver_name: string; receiver_phone_enc: string | null; receiver_address: string; receiver_province: string | null; item_name: string; flagged_terms: string | null;
}

const CHUNK = 500;

async function rowsById(ctx: PlatformContext, ids: readonly number[]): Promise<Map<number, Row>> {
  const out = new Map<number, Row>();
  const unique = [...new Set(ids)].filter((i) => i > 0);
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const rows = (await sql<Row>`select id, courier, waybill_no, accepted_at, sender_name, sender_phone_enc, sender_address, sender_province, receiver_name,
        receiver_phone_enc, receiver_address, receiver_province, item_name, flagged_terms from parcels where id in (${sql.join(part)})`.execute(ctx.database.db)).rows;
    for (const r of rows) out.set(Number(r.id), r);
  }
  return out;
}

/** Masked name and phone of each (parcel, side) given, in order; nulls when the parcel is gone. */
export async function personDetails(ctx: PlatformContext, refs: ReadonlyArray<{ readonly parcelId: number; readonly side: 'sender' | 'receiver' }>): Promise<PersonDetail[]> {
  const rows = await rowsById(ctx, refs.map((r) => r.parcelId));
  const dec = memoDecrypter(parcelCrypto(ctx.secret));
  return refs.map((ref) => {
    const r = rows.get(ref.parcelId);
    if (!r) return { name: null, phone: null };
    const phone = dec(ref.side === 'sender' ? r.sender_phone_enc : r.receiver_phone_enc);
    return { name: maskName(ref.side === 'sender' ? r.sender_name : r.receiver_name), phone: phone ? maskPhone(phone) : null };
  });
}

/** Masked evidence rows for parcel ids (missing ids are left out), ordered by id. */
export async function evidenceParcels(ctx: PlatformContext, ids: readonly number[]): Promise<EvidenceParcel[]> {
  const rows = await rowsById(ctx, ids);
  const dec = memoDecrypter(parcelCrypto(ctx.secret));
  return [...rows.values()].sort((a, b) => Number(a.id) - Number(b.id)).map((r) => {
    const sp = dec(r.sender_phone_enc);
    const rp = dec(r.receiver_phone_enc);
    const flags = r.flagged_terms ? (JSON.parse(r.flagged_terms) as Array<{ term?: string }>).map((f) => f.term ?? '').filter(Boolean) : [];
    return {
      id: Number(r.id), courier: r.courier, waybillNo: r.waybill_no, acceptedAt: new Date(r.accepted_at).toISOString(),
      senderName: maskName(r.sender_name), senderPhone: sp ? maskPhone(sp) : null, senderAddress: maskAddress(r.sender_address), senderProvince: r.sender_province,
      receiverName: maskName(r.receiver_name), receiverPhone: rp ? maskPhone(rp) : null, receiverAddress: maskAddress(r.receiver_address), receiverProvince: r.receiver_province,
      itemName: r.item_name, flaggedTerms: flags,
    };
  });
}
