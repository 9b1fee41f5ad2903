/**
 * Ground truth of a generated data set: what the generator planted on purpose, so that tests
 * and benchmarks can check what the application finds. Written to `<dataDir>/demo/ground-truth.json`,
 * a file the application never reads.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Real-name defects planted in the stream (at most one per parcel). */
export type DefectKind = 'ID_MISSING' | 'ID_TYPO' | 'NOT_INSPECTED' | 'PHONE_TYPO';
/** The defect kinds in a fixed order (ground truth, cumulative rates). */
export const DEFECT_KINDS: readonly DefectKind[] = ['ID_MISSING', 'ID_TYPO', 'NOT_INSPECTED', 'PHONE_TYPO'];

/** The noncompliance code the parcels app is expected to record for each planted defect. */
export const DEFECT_EXPECTED_CODE: Readonly<Record<DefectKind, string>> = {
  ID_MISSING: 'PARCEL_ID_MISSING',
  ID_TYPO: 'PARCEL_ID_INVALID',
  NOT_INSPECTED: 'PARCEL_NOT_INSPECTED',
  PHONE_TYPO: 'PARCEL_PHONE_INVALID',
};

export interface DefectRecord {
  readonly courier: string;
  readonly waybillNo: string;
  readonly kind: DefectKind;
  /** The ParcelInput field that carries the defect. */
  readonly field: 'senderIdNumber' | 'senderPhone' | 'receiverPhone' | 'inspected';
}

export interface ProhibitedRecord {
  readonly courier: string;
  readonly waybillNo: string;
  readonly itemName: string;
  /** Category key of src/apps/parcels/prohibited-items.yaml. */
  readonly category: string;
}

export interface CourierTruth {
  total: number;
  defects: Record<DefectKind, number>;
}

export interface GroundTruth {
  readonly generator: 'gongzhi-demo/1';
  readonly seed: number;
  readonly options: { readonly count: number; readonly days: number; readonly end: string; readonly couriers: number; readonly outlets: number };
  total: number;
  /** Parcels per courier code, with planted defects by kind. */
  byCourier: Record<string, CourierTruth>;
  defects: Record<DefectKind, number>;
  defectParcels: DefectRecord[];
  prohibited: ProhibitedRecord[];
  /** Parcels per local day 'YYYY-MM-DD'. */
  daily: Record<string, number>;
  /** Parcels of planted structures (ring and decoys), included in `total`. */
  planted: number;
  /** Parcels sent by shops (frequent senders) vs individuals. */
  senders: { shops: number; individuals: number; shopCount: number; individualPool: number };
}

/** An empty ground truth for the given seed and options. */
export function emptyTruth(seed: number, options: GroundTruth['options'], couriers: readonly string[]): GroundTruth {
  const byCourier: Record<string, CourierTruth> = {};
  for (const c of couriers) byCourier[c] = { total: 0, defects: zeroDefects() };
  return { generator: 'gongzhi-demo/1', seed, options, total: 0, byCourier, defects: zeroDefects(), defectParcels: [], prohibited: [], daily: {}, planted: 0, senders: { shops: 0, individuals: 0, shopCount: 0, individualPool: 0 } };
}

function zeroDefects(): Record<DefectKind, number> {
  return { ID_MISSING: 0, ID_TYPO: 0, NOT_INSPECTED: 0, PHONE_TYPO: 0 };
}

/**
 * Write a ground-truth object as JSON to `file` (directories created), atomically (temp file
 * then rename) so a reader never sees half a file.
 */
export function writeTruthFile(file: string, truth: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(truth, null, 1) + '\n');
  fs.renameSync(tmp, file);
}
