import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser } from './csvParser.ts';

type Rec = { fields: string[]; line: number; error: string | null };

function parseAll(pieces: readonly string[], delimiter = ','): Rec[] {
  const out: Rec[] = [];
  const p = new CsvParser((fields, line, error) => out.push({ fields, line, error }), delimiter);
  for (const piece of pieces) p.push(piece);
  p.end();
  return out;
}

describe('CsvParser', () => {
  it('splits plain, quoted and escaped fields with LF, CRLF and lone CR endings', () => {
    const recs = parseAll(['a,b,c\r\n"x,1","say ""hi""",\n1,2,3\r4,5,6']);
    expect(recs.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x,1', 'say "hi"', ''],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(recs.every((r) => r.error === null)).toBe(true);
  });

  it('keeps line breaks inside quotes and counts physical lines past them', () => {
    const recs = parseAll(['h1,h2\n"a\r\nb\nc",x\n\nlast,y\n']);
    expect(recs.map((r) => r.fields)).toEqual([
      ['h1', 'h2'],
      ['a\r\nb\nc', 'x'],
      ['last', 'y'],
    ]);
    // the quoted field spans lines 2-4, line 5 is empty, 'last' starts on line 6
    expect(recs.map((r) => r.line)).toEqual([1, 2, 6]);
  });

  it('gives the same records however the text is split into pieces', () => {
    const text = 'h1,h2,h3\r\n"q ""1""",x,\r\n"multi\nline",,"z"\r\nplain,"",end';
    const whole = parseAll([text]);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 7)]) {
        expect(parseAll([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
      }
    }
  });

  it('reports broken quoting on the record instead of throwing, and goes on', () => {
    const recs = parseAll(['a,b\n"x"y,z\nok,1\n"never closed,2\n3,4\n']);
    expect(recs[1]).toEqual({ fields: ['xy', 'z'], line: 2, error: 'CSV_QUOTE_INVALID' });
    expect(recs[2]).toEqual({ fields: ['ok', '1'], line: 3, error: null });
    expect(recs[3]).toEqual({ fields: ['never closed,2\n3,4\n'], line: 4, error: 'CSV_QUOTE_NOT_CLOSED' });
  });

  it('treats a quote inside an unquoted field as a literal character', () => {
    expect(parseAll(['a 12" pipe,b\n'])[0]!.fields).toEqual(['a 12" pipe', 'b']);
  });

  it('supports another delimiter', () => {
    expect(parseAll(['a;b;"c;d"\n'], ';')[0]!.fields).toEqual(['a', 'b', 'c;d']);
    expect(() => new CsvParser(() => undefined, '"')).toThrow(/delimiter/);
  });

  it('round-trips anything csv-stringify writes and agrees with csv-parse (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '李', ',', '"', '\n', '\r', ' ', '1', '\r\n') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (width, rows, step, quoted) => {
        const table = rows.map((r) => r.slice(0, width));
        // a one-column row whose only cell is empty is an empty line; csv-stringify writes it as ""
        const text = stringify(table, { record_delimiter: quoted ? 'unix' : 'windows', quoted_empty: true, quoted, quoted_match: /[\r\n]/ });
        const pieces: string[] = [];
        for (let i = 0; i < text.length; i += step) pieces.push(text.slice(i, i + step));
        const ours = parseAll(pieces).map((r) => r.fields);
        expect(ours).toEqual(table);
        expect(ours).toEqual(parse(text, { relax_column_count: true }));
      }),
      { numRuns: 300 },
    );
  });
});
