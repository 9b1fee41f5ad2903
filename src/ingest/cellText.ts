/**
 * Spreadsheet cell values → the text a user sees in Excel, and the cell's storage type.
 * Numbers follow Excel's "General" format (at most 11 characters: 320102199001011234 is shown
 * as 3.20102E+17, which is how ID numbers get damaged) or the cell's simple number format
 * ('0' shows 15 significant digits then zeros, '0.00' fixed decimals). Dates are shown as
 * ISO 8601 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm:ss' (the wall-clock time stored in the file).
 */
import type { CellType } from './types.ts';

/** Expand a JS exponential string ('3.20102199001011e+17') into plain digits ('320102199001011000'). */
function expand(exp: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp);
  if (!m) return exp;
  const [, sign, lead, frac = '', e] = m;
  const digits = lead! + frac;
  const point = 1 + Number(e);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Excel's General format for a number in a standard-width cell: up to 11 characters, switching
 * to scientific notation ('3.20102E+17', '1.23457E-07') when the plain form does not fit.
 */
export function excelGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const abs = Math.abs(n);
  const width = n < 0 ? 10 : 11;
  if (abs >= 1e-9 && abs < 1e11) {
    // plain form, rounded to fit the width
    const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
    const decimals = Math.max(0, width - intDigits - 1);
    const plain = String(Number(n.toFixed(Math.min(decimals, 20))));
    if (plain.length <= width && !plain.includes('e')) return plain;
  }
  // scientific: mantissa digits so that the whole fits in the width
  const exponent = Math.floor(Math.log10(abs));
  const expText = `E${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  const room = width - expText.length - 2; // "d." before the fraction
  let mantissa = (n / 10 ** exponent).toFixed(Math.max(0, room));
  if (mantissa.includes('.')) mantissa = mantissa.replace(/0+$/, '').replace(/\.$/, '');
  return mantissa + expText;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** A JS Date holding a spreadsheet's wall-clock value (as UTC fields) → ISO date or date-time text. */
export function excelDateText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A number shown with a cell's number format (only the formats that matter for identifiers). */
export function numberText(n: number, numFmt: string | undefined): string {
  const fmt = (numFmt ?? 'General').trim();
  if (fmt === '0') {
    const r = Math.round(n);
    return Math.abs(r) >= 1e15 ? expand(r.toPrecision(15)) : String(r);
  }
  const fixed = /^0\.(0+)$/.exec(fmt);
  if (fixed) return n.toFixed(fixed[1]!.length);
  return excelGeneral(n);
}

/** A cell value as exceljs gives it (streaming reader). */
export type ExcelValue = null | undefined | number | string | boolean | Date | { [key: string]: unknown };

/**
 * The text a user sees for a cell value and how it was stored.
 * Formula cells are typed by their cached result (a formula producing a number is a number).
 */
export function cellText(value: ExcelValue, numFmt?: string): { text: string; type: CellType } {
  if (value === null || value === undefined) return { text: '', type: 'empty' };
  if (typeof value === 'string') return { text: value, type: 'string' };
  if (typeof value === 'number') return { text: numberText(value, numFmt), type: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', type: 'boolean' };
  if (value instanceof Date) return { text: excelDateText(value), type: 'date' };
  if (Array.isArray(value.richText)) return { text: (value.richText as { text: string }[]).map((t) => t.text).join(''), type: 'string' };
  if ('error' in value) return { text: String(value.error), type: 'error' };
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelValue, numFmt);
  if ('text' in value) return cellText(value.text as ExcelValue, numFmt);
  return { text: JSON.stringify(value), type: 'object' };
}
