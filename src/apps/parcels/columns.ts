/**
 * Column order of `parcels` for the write paths, and the outcome types of a write
 * (shared by writer.ts and writerPostgres.ts).
 */
import type { ParcelValues } from './parcelValidator.ts';

/** Columns of `parcels` written from ParcelValues, in order (then source, ingest_run_id, created_at). */
export const VALUE_COLUMNS = [
  'courier', 'waybill_no', 'accepted_at', 'accepted_day', 'outlet', 'clerk', 'sender_name', 'sender_id_type',
  'sender_id_enc', 'sender_id_bidx', 'sender_phone_enc', 'sender_phone_bidx', 'sender_address', 'sender_division',
  'sender_province', 'receiver_name', 'receiver_phone_enc', 'receiver_phone_bidx', 'receiver_address',
  'receiver_division', 'receiver_province', 'item_name', 'item_nature', 'item_quantity', 'weight_grams', 'inspected',
  'real_name_ok', 'noncompliance', 'flagged_terms', 'content_hash',
] as const satisfies readonly (keyof ParcelValues)[];
export const ALL_COLUMNS = [...VALUE_COLUMNS, 'source', 'ingest_run_id', 'created_at'] as const;

export type StoreStatus = 'inserted' | 'duplicate' | 'conflict';
/** What happened to one record of a batch: its parcel id (the stored one for duplicates/conflicts). */
export interface StoreOutcome {
  readonly id: number;
  readonly status: StoreStatus;
}

export interface WriteMeta {
  readonly source: 'api' | 'import' | 'demo';
  readonly runId: string | null;
  /** ISO instant written to created_at. */
  readonly createdAt: string;
}

