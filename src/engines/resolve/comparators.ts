/**
 * Field comparators: each turns the values of one field into per-record features once
 * (`prepare`, over the whole batch so corpus statistics such as IDF are possible) and maps a
 * pair of features to an agreement level (`compare`, an index into `levels`, strongest
 * agreement first). Missing values are prepared as null and never compared: in the
 * Fellegi–Sunter model a missing comparison contributes weight 0.
 *
 * Built-in kinds: exact, string (Jaro–Winkler or Levenshtein similarity bands), name (C08–C10),
 * date (precision and tolerance), dateOrder (e.g. loss before found), place (division
 * hierarchy, centroids), text (segmented TF-IDF cosine or Jaccard), numeric (absolute
 * difference bands). Other kinds register through `registerComparator`.
 */
import { AppError } from '../../core/errors.ts';
import { compareDates, compareOrder, dateLevels, toDateRange, type DateRange } from './compare/dates.ts';
import { comparePlaces, PLACE_LEVELS, preparePlace, type PlaceFeatures } from './compare/place.ts';
import { cleanValue, jaroWinkler, levenshteinSimilarity } from './compare/string.ts';
import { prepareTexts, textCosine, textJaccard, type TextFeatures } from './compare/text.ts';
import { ResolveErrors } from './errors.ts';
import { dateKernel, exactKernel, numericKernel, orderKernel, placeKernel, textKernel, type ColumnKernel } from './kernels.ts';
import { compareNames, NAME_LEVELS, nameKernel, prepareName, type NameFeatures } from './names/nameMatch.ts';

/** A field comparator over prepared features `F`. */
export interface Comparator<F = unknown> {
  readonly kind: string;
  /** Level names, strongest agreement first; the last is disagreement. */
  readonly levels: readonly string[];
  /** Features for each value of the batch, null when the value is missing or unusable. */
  prepare(values: readonly unknown[]): (F | null)[];
  /** Agreement level of a pair: an index into `levels`. */
  compare(a: F, b: F): number;
  /** The value as shown in an explanation. */
  display(f: F): string;
  /**
   * Optional fast path: a column kernel over the prepared features of both sides (typed
   * arrays packed once), giving the same level as `compare` for every pair; null when these
   * features cannot be packed. Without it the engine calls `compare` per pair.
   */
  columnKernel?(left: readonly (F | null)[], right: readonly (F | null)[]): ColumnKernel | null;
}

/** Declarative comparator choice in a resolver configuration. */
export type ComparatorSpec =
  | { readonly kind: 'exact'; readonly caseSensitive?: boolean }
  | { readonly kind: 'string'; readonly method?: 'jaroWinkler' | 'levenshtein'; readonly thresholds?: readonly number[] }
  | { readonly kind: 'name' }
  | { readonly kind: 'date'; readonly tolerancesDays?: readonly number[] }
  | { readonly kind: 'dateOrder'; readonly slackDays?: number; readonly rightFirst?: boolean }
  | { readonly kind: 'place'; readonly nearKm?: number }
  | { readonly kind: 'text'; readonly method?: 'cosine' | 'jaccard'; readonly thresholds?: readonly number[] }
  | { readonly kind: 'numeric'; readonly tolerances: readonly number[] }
  | { readonly kind: string; readonly [option: string]: unknown };

type Factory = (spec: ComparatorSpec) => Comparator<any>;

const o = (spec: ComparatorSpec): Readonly<Record<string, unknown>> => spec as Readonly<Record<string, unknown>>;

/** A value as a string: NFKC, trimmed, inner whitespace collapsed; null when missing or empty. */
const str = cleanValue;

function bandLevels(thresholds: readonly number[], fmt: (t: number) => string): string[] {
  return ['exact', ...thresholds.map(fmt), 'different'];
}

/** Exact values are interned per batch: a pair costs one integer comparison. */
interface Interned {
  readonly id: number;
  readonly text: string;
}

function exact(spec: ComparatorSpec): Comparator<Interned> {
  const cs = o(spec).caseSensitive === true;
  return {
    kind: 'exact',
    levels: ['agree', 'disagree'],
    prepare: (values) => {
      const ids = new Map<string, Interned>();
      return values.map((v) => {
        const raw = str(v);
        if (raw === null) return null;
        const s = cs ? raw : raw.toLowerCase();
        let f = ids.get(s);
        if (!f) {
          f = { id: ids.size, text: s };
          ids.set(s, f);
        }
        return f;
      });
    },
    compare: (a, b) => (a.id === b.id ? 0 : 1),
    display: (f) => f.text,
    columnKernel: exactKernel,
  };
}

function stringComparator(spec: ComparatorSpec): Comparator<string> {
  const method = (o(spec).method as string | undefined) ?? 'jaroWinkler';
  const thresholds = (o(spec).thresholds as readonly number[] | undefined) ?? [0.92, 0.8];
  const sim = method === 'levenshtein' ? levenshteinSimilarity : method === 'jaroWinkler' ? (a: string, b: string) => jaroWinkler(a, b) : null;
  if (!sim) throw new AppError(ResolveErrors.RESOLVE_CONFIG_INVALID, { reason: `string method ${method}` });
  return {
    kind: 'string',
    levels: bandLevels(thresholds, (t) => `${method} ≥ ${t}`),
    prepare: (values) => values.map((v) => str(v)?.toLowerCase() ?? null),
    compare: (a, b) => {
      if (a === b) return 0;
      const s = sim(a, b);
      for (let i = 0; i < thresholds.length; i++) if (s >= thresholds[i]!) return 1 + i;
      return 1 + thresholds.length;
    },
    display: (f) => f,
  };
}

function name(): Comparator<NameFeatures> {
  return { kind: 'name', levels: NAME_LEVELS, prepare: (values) => values.map((v) => prepareName(str(v))), compare: compareNames, display: (f) => f.split.normalized, columnKernel: nameKernel };
}

function date(spec: ComparatorSpec): Comparator<DateRange> {
  const tol = (o(spec).tolerancesDays as readonly number[] | undefined) ?? [31, 366];
  return {
    kind: 'date',
    levels: dateLevels(tol),
    prepare: (values) => values.map(toDateRange),
    compare: (a, b) => compareDates(a, b, tol),
    display: (f) => f.text,
    columnKernel: (left, right) => dateKernel(left, right, tol),
  };
}

/** Left date on or before the right one (`rightFirst`: the right date on or before the left one). */
function dateOrder(spec: ComparatorSpec): Comparator<DateRange> {
  const slack = (o(spec).slackDays as number | undefined) ?? 0;
  const rightFirst = o(spec).rightFirst === true;
  return {
    kind: 'dateOrder',
    levels: ['consistent', 'violated'],
    prepare: (values) => values.map(toDateRange),
    compare: rightFirst ? (a, b) => compareOrder(b, a, slack) : (a, b) => compareOrder(a, b, slack),
    display: (f) => f.text,
    columnKernel: (left, right) => orderKernel(left, right, slack, !rightFirst),
  };
}

function place(spec: ComparatorSpec): Comparator<PlaceFeatures> {
  const nearKm = (o(spec).nearKm as number | undefined) ?? 50;
  return {
    kind: 'place',
    levels: PLACE_LEVELS,
    prepare: (values) => values.map(preparePlace),
    compare: (a, b) => comparePlaces(a, b, nearKm),
    display: (f) => f.code,
    columnKernel: (left, right) => placeKernel(left, right, nearKm),
  };
}

function text(spec: ComparatorSpec): Comparator<TextFeatures> {
  const method = (o(spec).method as string | undefined) ?? 'cosine';
  const thresholds = (o(spec).thresholds as readonly number[] | undefined) ?? [0.5, 0.2];
  const sim = method === 'jaccard' ? textJaccard : textCosine;
  return {
    kind: 'text',
    levels: [...thresholds.map((t) => `${method} ≥ ${t}`), 'different'],
    prepare: prepareTexts,
    compare: (a, b) => {
      const s = sim(a, b);
      for (let i = 0; i < thresholds.length; i++) if (s >= thresholds[i]!) return i;
      return thresholds.length;
    },
    display: (f) => f.text,
    columnKernel: (left, right) => textKernel(left, right, thresholds, method === 'jaccard' ? 'jaccard' : 'cosine'),
  };
}

function numeric(spec: ComparatorSpec): Comparator<number> {
  const tol = (o(spec).tolerances as readonly number[] | undefined) ?? [];
  return {
    kind: 'numeric',
    levels: bandLevels(tol, (t) => `|Δ| ≤ ${t}`),
    prepare: (values) => values.map((v) => { const s = str(v); const n = s === null ? NaN : Number(s); return Number.isFinite(n) ? n : null; }),
    compare: (a, b) => {
      const d = Math.abs(a - b);
      if (d === 0) return 0;
      for (let i = 0; i < tol.length; i++) if (d <= tol[i]!) return 1 + i;
      return 1 + tol.length;
    },
    display: (f) => String(f),
    columnKernel: (left, right) => numericKernel(left, right, tol),
  };
}

const registry = new Map<string, Factory>([
  ['exact', exact], ['string', stringComparator], ['name', name], ['date', date], ['dateOrder', dateOrder],
  ['place', place], ['text', text], ['numeric', numeric],
]);

/**
 * Register a comparator kind (a typed extension point). Throws RESOLVE_CONFIG_INVALID when
 * the kind is already taken.
 */
export function registerComparator(kind: string, factory: Factory): void {
  if (registry.has(kind)) throw new AppError(ResolveErrors.RESOLVE_CONFIG_INVALID, { reason: `comparator ${kind} already registered` });
  registry.set(kind, factory);
}

/** Build a comparator from its spec. Throws RESOLVE_UNKNOWN_COMPARATOR for an unknown kind. */
export function createComparator(spec: ComparatorSpec): Comparator<any> {
  const f = registry.get(spec.kind);
  if (!f) throw new AppError(ResolveErrors.RESOLVE_UNKNOWN_COMPARATOR, { kind: spec.kind });
  return f(spec);
}
