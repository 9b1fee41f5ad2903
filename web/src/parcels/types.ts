/**
 * Shapes of the parcels API as the web app reads them (server: src/apps/parcels/routes.ts;
 * contract in docs of GET /api/parcels/stats, /meta, /lookup and POST /api/parcels).
 */
import type { Issue } from '../api.ts';

export interface DailyStat {
  readonly day: string;
  readonly total: number;
  readonly realNameOk: number;
  /** 0..1 */
  readonly rate: number;
}

export interface CourierStat {
  readonly courier: string;
  readonly name: string;
  readonly total: number;
  readonly realNameOk: number;
  readonly rate: number;
}

export interface ParcelStats {
  readonly daily: readonly DailyStat[];
  readonly byCourier: readonly CourierStat[];
  readonly byOutlet: readonly { readonly outlet: string; readonly total: number; readonly realNameOk: number; readonly rate: number }[];
  readonly noncompliance: readonly { readonly code: string; readonly message: string; readonly messageEn?: string; readonly count: number }[];
  readonly flows: readonly { readonly originProvince: string; readonly destinationProvince: string; readonly count: number }[];
  readonly flagged: {
    readonly total: number;
    readonly byCategory: readonly { readonly category: string; readonly name?: string; readonly nameEn?: string; readonly count: number }[];
    readonly recent: readonly { readonly id: number | string; readonly courier: string; readonly waybillNo: string; readonly itemName: string; readonly terms: readonly string[] | string; readonly acceptedAt: string }[];
  };
}

export interface CourierRef {
  readonly code: string;
  readonly name: string;
  readonly shortName?: string;
}

export interface ParcelMeta {
  readonly couriers: readonly CourierRef[];
  readonly itemNatures: readonly (string | { readonly code: string })[];
  readonly idTypes: readonly (string | { readonly code: string })[];
}

/** One record's registration result (POST /api/parcels). */
export interface RegistrationResult {
  readonly index?: number;
  readonly ok: boolean;
  readonly id?: number | string;
  readonly duplicate?: boolean;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly flags: readonly { readonly term?: string; readonly category?: string; readonly terms?: readonly string[] }[];
}
