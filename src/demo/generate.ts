/**
 * `generateDemo(ctx, options)`: generate the demo parcels, load them through the parcels app's
 * bulk path (`loadParcels`, source 'demo'), optionally write a damaged courier export file, and
 * write the ground truth to `<dataDir>/demo/ground-truth.json` (never read by the application).
 * Used by `gongzhi demo generate` and by the start command on an empty database.
 */
import path from 'node:path';
import { loadParcels, type LoadStats } from '../apps/parcels/loader.ts';
import type { PlatformContext } from '../platform/module.ts';
import { writeCourierExport, type ExportResult } from './export.ts';
import { generateParcels, type ParcelStream } from './parcels.ts';
import { writeTruthFile, type GroundTruth } from './truth.ts';

export interface DemoOptions {
  /** Parcels to generate and load (default ctx.config.demoParcels). */
  readonly parcels?: number;
  /** Seed, number or text (default 20261111). */
  readonly seed?: number | string;
  readonly days?: number;
  /** Last day 'YYYY-MM-DD' (default `defaultEnd(ctx.now())`). */
  readonly end?: string;
  /** Also write a courier export CSV (a separate data set seeded '<seed>-export') to this path. */
  readonly exportFile?: string;
  /** Rows of the export file (default 100,000). */
  readonly exportCount?: number;
  readonly exportEncoding?: 'gbk' | 'utf8';
  /**
   * Plant issue 3's imitation-gun ring and decoys (default: when there are at least 100,000
   * parcels to hide them in); its ground truth goes to `<dataDir>/demo/ground-truth-ring.json`.
   */
  readonly ring?: boolean;
  /** Called after every committed batch. */
  readonly onProgress?: (stats: Readonly<LoadStats>) => void;
}

export interface DemoSummary {
  readonly seed: number;
  readonly generated: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly stats: LoadStats;
  readonly truthFile: string;
  /** The ring's ground-truth file, or null when no ring was planted. */
  readonly ringTruthFile: string | null;
  readonly truth: GroundTruth;
  /** The export file: its rows, damaged cells, seed, and the ground truth of its own parcels. */
  readonly export: (ExportResult & { readonly seed: string; readonly parcels: GroundTruth }) | null;
}

/** Default seed of the demo data set (a date everyone here remembers). */
export const DEFAULT_SEED = 20261111;

/** The demo's last day: 2026-11-29, or the day before `now` (China Standard Time) when the clock is earlier, so no parcel lies in the future. */
export function defaultEnd(now: Date): string {
  const yesterday = new Date(now.getTime() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  return yesterday < '2026-11-29' ? yesterday : '2026-11-29';
}

/**
 * Write the ground truth of a fully iterated stream: `<dataDir>/demo/ground-truth.json` (with
 * the export's, if any) and, when a ring was planted, `<dataDir>/demo/ground-truth-ring.json`.
 * @returns the paths written (ringTruthFile null without a ring). Throws on I/O errors.
 */
export function writeGroundTruth(dataDir: string, stream: ParcelStream, exported: DemoSummary['export'] = null): { truthFile: string; ringTruthFile: string | null } {
  const truthFile = groundTruthPath(dataDir);
  writeTruthFile(truthFile, { ...stream.truth, export: exported });
  const ring = stream.plants.find((p) => p.name === 'ring');
  if (!ring) return { truthFile, ringTruthFile: null };
  const ringTruthFile = path.join(path.dirname(truthFile), 'ground-truth-ring.json');
  writeTruthFile(ringTruthFile, ring.truth());
  return { truthFile, ringTruthFile };
}

/** The ground-truth file of a data directory. */
export function groundTruthPath(dataDir: string): string {
  return path.join(dataDir, 'demo', 'ground-truth.json');
}

/**
 * Generate and load the demo data set into the open platform.
 * @returns counts, the load statistics, the ground truth and where it was written. Throws on
 *          database failure (batches committed before it stay committed; loading again is idempotent).
 */
export async function generateDemo(ctx: PlatformContext, options: DemoOptions = {}): Promise<DemoSummary> {
  const count = options.parcels ?? ctx.config.demoParcels;
  const seed = options.seed ?? DEFAULT_SEED;
  const ring = options.ring ?? count >= 100_000;
  const end = options.end ?? defaultEnd(ctx.now());
  const stream = generateParcels({ count, seed, days: options.days, end, ring });
  const loadOptions = options.onProgress ? { source: 'demo' as const, onProgress: options.onProgress } : { source: 'demo' as const };
  const result = await loadParcels(ctx, stream, loadOptions);
  let exported: DemoSummary['export'] = null;
  if (options.exportFile) {
    const exportSeed = `${seed}-export`;
    const exportStream = generateParcels({ count: options.exportCount ?? 100_000, seed: exportSeed, days: options.days, end });
    const r = writeCourierExport(options.exportFile, exportStream, { damage: true, encoding: options.exportEncoding ?? 'gbk', seed: stream.truth.seed });
    exported = { ...r, seed: exportSeed, file: path.resolve(r.file), parcels: exportStream.truth };
  }
  const { truthFile, ringTruthFile } = writeGroundTruth(ctx.config.dataDir, stream, exported);
  return { seed: stream.truth.seed, generated: stream.truth.total, accepted: result.accepted, rejected: result.stats.rejected, stats: result.stats, truthFile, ringTruthFile, truth: stream.truth, export: exported };
}
