/**
 * The configuration object of the resolve engine: which columns are compared and how, how
 * candidate pairs are blocked, how the Fellegi–Sunter model is estimated and thresholded.
 * The same engine runs on reunion posts and on Febrl by changing only this object.
 */
import { AppError } from '../../core/errors.ts';
import { createComparator, type Comparator, type ComparatorSpec } from './comparators.ts';
import { ResolveErrors } from './errors.ts';

/** A record: any object with named fields. */
export type Row = Readonly<Record<string, unknown>>;

/** A field of a record: a property name, or a function computing the value from the row. */
export type FieldRef = string | ((row: Row) => unknown);

/** One compared field: `left` on the left records, `right` (default `left`) on the right ones. */
export interface ComparisonConfig {
  readonly name: string;
  readonly left: FieldRef;
  readonly right?: FieldRef;
  readonly comparator: ComparatorSpec;
}

/** How a blocking key part derives values from a field. */
export type BlockingTransform = 'exact' | 'soundex' | 'prefix' | 'surnamePinyin' | 'namePinyin' | 'nameVariant' | 'year' | 'division';

/** One part of a blocking key; a rule's key is the combination of its parts. */
export interface BlockingKeyConfig {
  readonly field: FieldRef;
  readonly rightField?: FieldRef;
  /** Default 'exact' (trimmed, lower-cased). */
  readonly transform?: BlockingTransform;
  /** 'prefix': number of characters kept. */
  readonly length?: number;
  /** 'division': the hierarchy level of the key (default 'prefecture'). */
  readonly level?: 'province' | 'prefecture' | 'county';
  /** Integer keys ('year'): pairs whose values differ by at most `window` share the block. */
  readonly window?: number;
}

/** A blocking rule: pairs agreeing on every part are candidates. Rules are unioned. */
export interface BlockingRuleConfig {
  readonly name: string;
  readonly keys: readonly BlockingKeyConfig[];
  /** Keys whose block on the right side is larger are skipped and counted (default: no limit). */
  readonly maxBlockSize?: number;
}

/** EM options (Winkler 1988; Jaro 1989). */
export interface EmConfig {
  readonly maxIterations?: number;
  /** Stop when no parameter moves by more than this (default 1e-6). */
  readonly tolerance?: number;
  /** Starting share of matches among candidate pairs (default 0.1). */
  readonly initialMatchShare?: number;
  /** Estimate u from this many random record pairs and keep it fixed (0 or absent: EM estimates u). */
  readonly randomPairsForU?: number;
  readonly seed?: number;
}

/** The whole configuration. Thresholds are match weights in bits (sum of log2(m/u)). */
export interface ResolverConfig {
  readonly comparisons: readonly ComparisonConfig[];
  readonly blocking: readonly BlockingRuleConfig[];
  /** Record identifier shown in results (default: the row index). */
  readonly idField?: FieldRef;
  /** Pairs with weight ≥ match are matches, ≥ possible possible matches (defaults: 'auto' thresholds from the posterior, 0.5 and 0.05). */
  readonly thresholds?: { readonly match: number; readonly possible: number };
  /** Candidates kept per record (default 10). */
  readonly topK?: number;
  readonly em?: EmConfig;
}

/** Read a field from a row. */
export function readField(row: Row, ref: FieldRef): unknown {
  return typeof ref === 'function' ? ref(row) : row[ref];
}

/** A comparison with its comparator built. */
export interface CompiledComparison {
  readonly name: string;
  readonly left: FieldRef;
  readonly right: FieldRef;
  readonly comparator: Comparator<any>;
}

/**
 * Check a configuration and build its comparators. Throws AppError RESOLVE_CONFIG_INVALID
 * (no comparison, duplicate names, a rule without keys, thresholds out of order, bad window)
 * or RESOLVE_UNKNOWN_COMPARATOR.
 */
export function compileConfig(config: ResolverConfig): CompiledComparison[] {
  const bad = (reason: string): never => {
    throw new AppError(ResolveErrors.RESOLVE_CONFIG_INVALID, { reason });
  };
  if (config.comparisons.length === 0) bad('no comparisons');
  if (config.comparisons.length > 20) bad('more than 20 comparisons');
  const seen = new Set<string>();
  for (const c of config.comparisons) {
    if (!c.name || seen.has(c.name)) bad(`comparison name '${c.name}' empty or repeated`);
    seen.add(c.name);
  }
  if (config.blocking.length === 0) bad('no blocking rule (the full cross product is never generated)');
  for (const r of config.blocking) {
    if (r.keys.length === 0) bad(`blocking rule ${r.name} has no key`);
    for (const k of r.keys) if (k.window !== undefined && (!Number.isInteger(k.window) || k.window < 0 || k.window > 50)) bad(`window of rule ${r.name} must be an integer 0–50`);
  }
  if (config.thresholds && !(config.thresholds.match >= config.thresholds.possible)) bad('match threshold below possible-match threshold');
  return config.comparisons.map((c) => ({ name: c.name, left: c.left, right: c.right ?? c.left, comparator: createComparator(c.comparator) }));
}
