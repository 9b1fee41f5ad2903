/**
 * Text encoding of input files: BOM sniffing, auto-detection (valid UTF-8 → UTF-8, else chardet
 * on a sample, else GB18030) and incremental decoders. Decoders never fail: invalid bytes become
 * U+FFFD, which the readers turn into ENCODING_INVALID row issues (never silently kept).
 *
 * Sources: Unicode BOMs (The Unicode Standard §23.8); GB 18030-2005 BOM 84 31 95 33; WHATWG
 * Encoding Standard (a BOM overrides any label, which is case C11's rule).
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../core/errors.ts';
import { IngestErrors } from './errors.ts';

/** The encodings a caller may ask for; 'auto' detects. */
export type EncodingHint = 'auto' | 'utf8' | 'gbk' | 'gb18030';

/** The outcome of detection: encoding name (iconv-lite spelling), BOM length to skip, and why. */
export interface EncodingChoice {
  readonly encoding: string;
  readonly bomLength: number;
  readonly reason: 'bom' | 'hint' | 'utf8-valid' | 'chardet' | 'fallback';
}

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf8' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** chardet answers we trust over the GB18030 default when clearly ahead (name → iconv-lite name). */
const CHARDET_TRUSTED: Readonly<Record<string, string>> = {
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

/**
 * The BOM at the start of `head`, if any.
 * @returns the encoding it announces and its length in bytes, or null.
 */
export function sniffBom(head: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (head.length >= bom.bytes.length && bom.bytes.every((b, i) => head[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

/**
 * True when `sample` is valid UTF-8, allowing the sample to end in the middle of a character
 * when `truncated` (the sample is a prefix of a longer file).
 */
export function isUtf8Sample(sample: Uint8Array, truncated: boolean): boolean {
  let end = sample.length;
  if (truncated) {
    // step back over at most 3 continuation bytes to the lead byte of the last character
    let i = end - 1;
    while (i >= 0 && end - i <= 4 && ((sample[i] ?? 0) & 0xc0) === 0x80) i--;
    if (i >= 0) {
      const lead = sample[i] ?? 0;
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (end - i < need) end = i;
    }
  }
  return isUtf8(sample.subarray(0, end));
}

/**
 * Choose the encoding of a file from its first bytes.
 * Rules, in order: a BOM always wins (C11: a UTF-8 file with BOM and an explicit gbk hint is UTF-8);
 * an explicit hint; valid UTF-8 → utf8; chardet's best guess when it is a CJK or UTF-16
 * encoding ahead of GB18030 by 20+ confidence points; otherwise gb18030 (the superset of GBK,
 * the encoding of Chinese Excel exports).
 * @param head the first bytes of the file (up to ~1 MiB is plenty).
 * @param truncated whether the file continues past `head`.
 * @throws AppError INGEST_ENCODING_UNSUPPORTED for a hint iconv-lite does not know.
 */
export function chooseEncoding(head: Uint8Array, hint: EncodingHint | string = 'auto', truncated = false): EncodingChoice {
  const bom = sniffBom(head);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, reason: 'bom' };
  if (hint !== 'auto') {
    const name = hint === 'utf8' || hint === 'utf-8' ? 'utf8' : hint.toLowerCase();
    if (!iconv.encodingExists(name)) throw new AppError(IngestErrors.INGEST_ENCODING_UNSUPPORTED, { encoding: hint });
    return { encoding: name, bomLength: 0, reason: 'hint' };
  }
  if (isUtf8Sample(head, truncated)) return { encoding: 'utf8', bomLength: 0, reason: 'utf8-valid' };
  const guesses = chardet.analyse(head);
  const top = guesses[0];
  const gb = guesses.find((g) => g.name === 'GB18030')?.confidence ?? 0;
  if (top && top.name !== 'GB18030' && CHARDET_TRUSTED[top.name] && top.confidence >= 50 && top.confidence >= gb + 20) {
    return { encoding: CHARDET_TRUSTED[top.name]!, bomLength: 0, reason: 'chardet' };
  }
  return { encoding: 'gb18030', bomLength: 0, reason: top?.name === 'GB18030' ? 'chardet' : 'fallback' };
}

/** An incremental decoder: bytes in, text out; a character split across chunks is kept whole. */
export interface TextChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * A decoder for `encoding` (iconv-lite names; 'utf8' uses Node's StringDecoder). The BOM is not
 * stripped here: callers skip `EncodingChoice.bomLength` bytes first.
 */
export function createDecoder(encoding: string): TextChunkDecoder {
  if (encoding === 'utf8') {
    const d = new TextDecoder('utf-8', { ignoreBOM: true });
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}
