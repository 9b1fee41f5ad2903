/**
 * Place agreement through the GB/T 2260 division hierarchy: a 6-digit division code is
 * PPCCXX (province PP, prefecture PPCC, county PPCCXX); codes ending in 0000 or 00 stand for a
 * province or a prefecture as a whole. Two places agree at the finest level both codes
 * resolve to. When both places carry centroids, a 'near' level (great-circle distance within
 * `nearKm`) catches neighbours across a boundary.
 */

/** A place prepared for comparison. */
export interface PlaceFeatures {
  readonly code: string;
  /** 1 province, 2 prefecture, 3 county: how far down the code resolves. */
  readonly depth: 1 | 2 | 3;
  /** The code as an integer, and its first 4 and 2 digits (prefecture, province). */
  readonly county: number;
  readonly prefecture: number;
  readonly province: number;
  readonly lat: number | null;
  readonly lon: number | null;
}

/** Structural place input: a division code, or an object with one and an optional centroid. */
export interface PlaceLike {
  readonly divisionCode?: string | null;
  readonly lat?: number | null;
  readonly lon?: number | null;
}

/** Agreement levels of the place comparator, strongest first. */
export const PLACE_LEVELS = ['same county', 'same prefecture', 'near', 'same province', 'different'] as const;

/** Prepare a place; null when there is no valid 6-digit code and no centroid. */
export function preparePlace(value: unknown): PlaceFeatures | null {
  if (value == null || value === '') return null;
  const v: PlaceLike = typeof value === 'object' ? (value as PlaceLike) : { divisionCode: String(value) };
  const code = v.divisionCode?.trim() ?? '';
  const lat = typeof v.lat === 'number' && Number.isFinite(v.lat) ? v.lat : null;
  const lon = typeof v.lon === 'number' && Number.isFinite(v.lon) ? v.lon : null;
  if (lat === null && lon === null) {
    // Without a centroid a place is its code: one shared (read-only) object per code.
    const hit = placeMemo.get(code);
    if (hit !== undefined) return hit;
    if (placeMemo.size >= 100_000) placeMemo.clear();
    const f = fromCode(code, null, null);
    placeMemo.set(code, f);
    return f;
  }
  return fromCode(code, lat, lon);
}

const placeMemo = new Map<string, PlaceFeatures | null>();

function fromCode(code: string, lat: number | null, lon: number | null): PlaceFeatures | null {
  if (!/^\d{6}$/.test(code) || code.startsWith('00')) return null;
  const depth = code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3;
  const county = Number(code);
  return { code, depth, county, prefecture: Math.floor(county / 100), province: Math.floor(county / 10_000), lat, lon };
}

/** Great-circle distance in km (haversine, mean Earth radius 6,371.0088 km). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Agreement level index into `PLACE_LEVELS`. The shared depth is the shallower of the two
 * codes: a province-only code agreeing with a county in that province is 'same province'.
 * 'near' (centroids within `nearKm`, across any boundary) ranks above 'same province'.
 */
export function comparePlaces(a: PlaceFeatures, b: PlaceFeatures, nearKm = 50): number {
  const depth = Math.min(a.depth, b.depth);
  if (depth === 3 && a.county === b.county) return 0;
  if (depth >= 2 && a.prefecture === b.prefecture) return 1;
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null && haversineKm(a.lat, a.lon, b.lat, b.lon) <= nearKm) return 2;
  return a.province === b.province ? 3 : 4;
}

/** The code truncated to a level for blocking: 'province' → PP, 'prefecture' → PPCC, 'county' → all 6. */
export function divisionPrefix(code: string, level: 'province' | 'prefecture' | 'county'): string {
  return level === 'province' ? code.slice(0, 2) : level === 'prefecture' ? code.slice(0, 4) : code;
}
