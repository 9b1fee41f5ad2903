import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allErrors } from '../core/errors.ts';
import { IngestErrors } from './errors.ts';

describe('ingest error codes', () => {
  const ingest = allErrors().filter((e) => e.module === 'ingest');

  it('registers every code with zh and en messages using the same placeholders', () => {
    expect(ingest.map((e) => e.code).sort()).toEqual(Object.keys(IngestErrors).sort());
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const e of ingest) {
      expect(/[\u4e00-\u9fff]/.test(e.zh), e.code).toBe(true);
      expect([e.code, names(e.zh)]).toEqual([e.code, names(e.en)]);
    }
  });

  it('lists every code in README.md', () => {
    const readme = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'README.md'), 'utf8');
    for (const code of Object.keys(IngestErrors)) expect(readme, code).toContain(`| ${code} |`);
  });
});
