/**
 * A courier company's export file as it reaches the platform: a CSV with Chinese headers, GBK
 * by default (what Chinese courier systems and Excel on Chinese Windows write), optionally with
 * a known share of rows damaged the way a spreadsheet damages them (cases C14, C15):
 * - ID number shown in scientific notation ('3.20102E+17');
 * - ID number kept to 15 significant digits, the tail zeroed ('320102199001011000');
 * - landline stripped of its leading 0 ('057188886666' → '57188886666');
 * - postcode stripped of its leading 0 ('010000' → '10000').
 * Every damaged cell is recorded with its 1-based data row number (header excluded, the
 * numbering of src/ingest readers) so that a test can check that the import rejects exactly
 * those rows with the spreadsheet-damage codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { ParcelInput } from '../apps/parcels/types.ts';
import { idAsScientific, idCheckOk, idTailZeroed } from './idNumber.ts';
import { KIND, rngFor } from './persons.ts';
import { reference } from './reference.ts';
import { courierName } from './waybill.ts';

export type DamageKind = 'ID_SCIENTIFIC' | 'ID_TAIL_ZEROED' | 'PHONE_LEADING_ZERO' | 'POSTCODE_LEADING_ZERO';

/** The core validator code each damage kind must be rejected with. */
export const DAMAGE_EXPECTED_CODE: Readonly<Record<DamageKind, string>> = {
  ID_SCIENTIFIC: 'ID_SPREADSHEET_DAMAGED',
  ID_TAIL_ZEROED: 'ID_SPREADSHEET_DAMAGED',
  PHONE_LEADING_ZERO: 'PHONE_LEADING_ZERO_STRIPPED',
  POSTCODE_LEADING_ZERO: 'POSTCODE_LEADING_ZERO_STRIPPED',
};

/** Column header → ParcelInput field (or postcode column), in file order. */
export const COURIER_EXPORT_COLUMNS = [
  ['快递公司', 'courier'], ['运单号', 'waybillNo'], ['寄件人姓名', 'senderName'], ['寄件人证件类型', 'senderIdType'],
  ['寄件人证件号码', 'senderIdNumber'], ['寄件人电话', 'senderPhone'], ['寄件人地址', 'senderAddress'], ['寄件地邮编', 'senderPostcode'],
  ['收件人姓名', 'receiverName'], ['收件人电话', 'receiverPhone'], ['收件人地址', 'receiverAddress'], ['收件地邮编', 'receiverPostcode'],
  ['物品名称', 'itemName'], ['物品类别', 'itemNature'], ['数量', 'itemQuantity'], ['重量(克)', 'weightGrams'],
  ['网点编码', 'outlet'], ['收寄员', 'clerk'], ['收寄时间', 'acceptedAt'], ['是否验视', 'inspected'],
] as const;

export interface DamagedCell {
  /** 1-based data row (the header is not counted). */
  readonly row: number;
  readonly courier: string;
  readonly waybillNo: string;
  readonly kind: DamageKind;
  /** ParcelInput field, or 'senderPostcode' / 'receiverPostcode'. */
  readonly field: string;
  readonly expectedCode: string;
  readonly written: string;
  /**
   * True when the cell is a ParcelInput field, so `gongzhi parcels import` must reject the row
   * with `expectedCode`; false for the postcode columns, which the parcel record does not carry
   * (the import ignores them; `validatePostcode` flags the damage).
   */
  readonly parcelField: boolean;
}

export interface ExportOptions {
  /** Damage a share of rows as a spreadsheet would (default false). */
  readonly damage?: boolean;
  /** 'gbk' (default) or 'utf8' (with BOM, as Excel saves "CSV UTF-8"). */
  readonly encoding?: 'gbk' | 'utf8';
  /** Share of rows damaged among rows where a damage is possible (default 0.01). */
  readonly damageShare?: number;
  /** Seed of the damage choices (default 1). */
  readonly seed?: number;
}

export interface ExportResult {
  readonly file: string;
  readonly encoding: 'gbk' | 'utf8';
  readonly rows: number;
  readonly damaged: readonly DamagedCell[];
}

const ID_TYPE_ZH: Record<string, string> = { resident: '居民身份证', temporary: '临时居民身份证', residence_permit: '港澳台居民居住证', hk_mo_pass: '港澳居民来往内地通行证', tw_pass: '台湾居民来往大陆通行证', passport: '护照', military: '军官证' };
const NATURE_ZH: Record<string, string> = { document: '文件', goods: '物品', food: '食品', electronics: '电子产品', clothing: '服装', cosmetics: '化妆品', medicine: '药品', other: '其他' };
const LANDLINE = /^0\d{2,3}-\d{7,8}$/;

/**
 * Write `parcels` as a courier export CSV at `file` (directories created), streaming in chunks.
 * @returns the row count and every damaged cell with its row number. Throws on I/O errors.
 */
export function writeCourierExport(file: string, parcels: Iterable<ParcelInput>, options: ExportOptions = {}): ExportResult {
  const encoding = options.encoding ?? 'gbk';
  const share = options.damage ? (options.damageShare ?? 0.01) : 0;
  const rng = rngFor(options.seed ?? 1, KIND.export, 0);
  const postcodes = postcodeFinder();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const fd = fs.openSync(file, 'w');
  const damaged: DamagedCell[] = [];
  let rows = 0;
  let chunk = COURIER_EXPORT_COLUMNS.map((c) => c[0]).join(',') + '\r\n';
  const flush = (first: boolean) => {
    const buf = encoding === 'gbk' ? iconv.encode(chunk, 'gbk') : Buffer.from((first ? '\ufeff' : '') + chunk, 'utf8');
    fs.writeSync(fd, buf);
    chunk = '';
  };
  try {
    let first = true;
    for (const p of parcels) {
      rows++;
      const cells: Record<string, string> = {
        courier: courierName(p.courier), waybillNo: p.waybillNo, senderName: p.senderName, senderIdType: ID_TYPE_ZH[p.senderIdType] ?? p.senderIdType,
        senderIdNumber: p.senderIdNumber, senderPhone: p.senderPhone, senderAddress: p.senderAddress, senderPostcode: postcodes(p.senderAddress),
        receiverName: p.receiverName, receiverPhone: p.receiverPhone, receiverAddress: p.receiverAddress, receiverPostcode: postcodes(p.receiverAddress),
        itemName: p.itemName, itemNature: NATURE_ZH[p.itemNature] ?? p.itemNature, itemQuantity: String(p.itemQuantity), weightGrams: String(p.weightGrams),
        outlet: p.outlet, clerk: p.clerk, acceptedAt: p.acceptedAt.replace('T', ' ').slice(0, 19), inspected: p.inspected ? '是' : '否',
      };
      if (share > 0 && rng.chance(share)) {
        const d = damageRow(cells, rng);
        if (d) damaged.push({ row: rows, courier: p.courier, waybillNo: p.waybillNo, kind: d.kind, field: d.field, expectedCode: DAMAGE_EXPECTED_CODE[d.kind], written: cells[d.field]!, parcelField: d.kind !== 'POSTCODE_LEADING_ZERO' });
      }
      chunk += COURIER_EXPORT_COLUMNS.map((c) => csvCell(cells[c[1]]!)).join(',') + '\r\n';
      if (chunk.length > 1 << 20) {
        flush(first);
        first = false;
      }
    }
    flush(first);
  } finally {
    fs.closeSync(fd);
  }
  return { file, encoding, rows, damaged };
}

/** Damage one cell of a row in place, choosing among the damages this row allows; null when none applies. */
function damageRow(cells: Record<string, string>, rng: ReturnType<typeof rngFor>): { kind: DamageKind; field: string } | null {
  const options: Array<() => { kind: DamageKind; field: string } | null> = [];
  const id = cells.senderIdNumber!;
  if (/^\d{18}$/.test(id) && idCheckOk(id)) {
    options.push(() => ((cells.senderIdNumber = idAsScientific(id)), { kind: 'ID_SCIENTIFIC', field: 'senderIdNumber' }));
    const zeroed = idTailZeroed(id);
    if (zeroed) options.push(() => ((cells.senderIdNumber = zeroed), { kind: 'ID_TAIL_ZEROED', field: 'senderIdNumber' }));
  }
  if (LANDLINE.test(cells.senderPhone!)) options.push(() => ((cells.senderPhone = cells.senderPhone!.replace('-', '').slice(1)), { kind: 'PHONE_LEADING_ZERO', field: 'senderPhone' }));
  for (const f of ['senderPostcode', 'receiverPostcode'] as const) {
    if (cells[f]!.startsWith('0')) options.push(() => ((cells[f] = cells[f]!.slice(1)), { kind: 'POSTCODE_LEADING_ZERO', field: f }));
  }
  if (options.length === 0) return null;
  return options[rng.int(options.length)]!();
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Postcode of the city seat for an address built by the generator ('' when the city is not in
 * data/places.json): the address starts with a county's 'province+city+county' prefix.
 */
function postcodeFinder(): (address: string) => string {
  const ref = reference();
  const byPrefix = new Map<string, string>();
  const lengths = new Set<number>();
  for (const c of ref.counties) {
    const code = ref.cityCodes.get(c.cityCode)?.[1];
    if (!code) continue;
    byPrefix.set(c.prefix, code);
    lengths.add(c.prefix.length);
  }
  const sorted = [...lengths].sort((a, b) => b - a);
  return (address) => {
    for (const l of sorted) {
      const hit = byPrefix.get(address.slice(0, l));
      if (hit) return hit;
    }
    return '';
  };
}
