/**
 * Rows of the look-up table from GET /api/parcels/lookup → { parcels: [...] } (values already
 * masked by the server per role). Pure; the page renders what this returns.
 */

/** One parcel as the look-up presenter returns it (flat ParcelInput-like names). */
export interface LookupParcel {
  readonly id: number | string;
  readonly courier: string;
  readonly waybillNo: string;
  readonly acceptedAt?: string;
  readonly senderName?: string | null;
  readonly senderIdNumber?: string | null;
  readonly senderPhone?: string | null;
  readonly senderAddress?: string | null;
  readonly receiverName?: string | null;
  readonly receiverPhone?: string | null;
  readonly receiverAddress?: string | null;
  readonly itemName?: string | null;
  readonly realNameOk?: boolean | number | null;
  /** Noncompliance codes of the parcel, e.g. ['PARCEL_NOT_INSPECTED']. */
  readonly noncompliance?: readonly string[] | null;
  /** Prohibited-item screening hits. */
  readonly flags?: readonly { readonly term: string; readonly category: string }[] | null;
}

export interface LookupResponse {
  readonly parcels: readonly LookupParcel[];
  /** Sequence number of the audit entry the look-up wrote. */
  readonly auditSeq?: number;
  /** More parcels matched than the server returns. */
  readonly truncated?: boolean;
}

export interface LookupRow {
  readonly key: string;
  readonly acceptedAt: string | null;
  readonly courier: string;
  readonly waybillNo: string;
  /** name, then ID number, phone, address (those present). */
  readonly sender: readonly string[];
  readonly receiver: readonly string[];
  readonly item: string;
  readonly realNameOk: boolean | null;
  /** Matched prohibited-item terms. */
  readonly terms: readonly string[];
  readonly noncompliance: readonly string[];
}

const present = (xs: ReadonlyArray<string | null | undefined>): string[] => xs.filter((x): x is string => typeof x === 'string' && x !== '');

/** Table rows, one per parcel, in the server's order. */
export function lookupRows(r: LookupResponse): LookupRow[] {
  return (r.parcels ?? []).map((p) => ({
    key: String(p.id),
    acceptedAt: p.acceptedAt ?? null,
    courier: p.courier,
    waybillNo: p.waybillNo,
    sender: present([p.senderName, p.senderIdNumber, p.senderPhone, p.senderAddress]),
    receiver: present([p.receiverName, p.receiverPhone, p.receiverAddress]),
    item: p.itemName ?? '',
    realNameOk: p.realNameOk === undefined || p.realNameOk === null ? null : Boolean(p.realNameOk),
    terms: (p.flags ?? []).map((f) => f.term),
    noncompliance: [...(p.noncompliance ?? [])],
  }));
}
