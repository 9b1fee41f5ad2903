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
  /** Totals over the range (the server's own sums). */
  readonly total?: number;
  readonly realNameOk?: number;
  readonly rate?: number;
  /** Parcels with at least one noncompliance code. */
  readonly noncompliant?: number;
  readonly daily: readonly DailyStat[];
  readonly byCourier: readonly CourierStat[];
  readonly byOutlet: readonly { readonly outlet: string; readonly total: number; readonly realNameOk: number; readonly rate: number }[];
  readonly noncompliance: readonly { readonly code: string; readonly message: string; readonly messageEn?: string; readonly count: number }[];
  readonly flows: readonly { readonly originProvince: string; readonly destinationProvince: string; readonly count: number }[];
  readonly flagged: {
    readonly total: number;
    readonly byCategory: readonly { readonly category: string; readonly count: number }[];
    readonly recent: readonly { readonly id: number | string; readonly courier: string; readonly waybillNo: string; readonly itemName: string; readonly terms: readonly string[] | string; readonly acceptedAt: string }[];
  };
}

export interface CourierRef {
  readonly code: string;
  readonly name: string;
  readonly shortName?: string;
}

/** A category of the prohibited-item term list (prohibited-items.yaml). */
export interface ProhibitedCategoryRef {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

export interface ParcelMeta {
  readonly couriers: readonly CourierRef[];
  readonly prohibitedCategories?: readonly ProhibitedCategoryRef[];
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
  readonly flags: readonly { readonly term: string; readonly category: string }[];
}
