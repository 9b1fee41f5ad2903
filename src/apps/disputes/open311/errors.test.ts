import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allErrors } from '../../../core/errors.ts';
import { RoutingErrors } from '../routing/errors.ts';
import { Open311Errors } from './errors.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe.each([
  ['open311', Open311Errors, path.join(here, 'README.md')],
  ['disputes.routing', RoutingErrors, path.join(here, '../routing/README.md')],
] as const)('%s error codes', (module, codes, readme) => {
  const defs = allErrors().filter((e) => e.module === module);

  it('registers every code with zh and en messages using the same placeholders', () => {
    expect(defs.map((e) => e.code).sort()).toEqual(Object.keys(codes).sort());
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const e of defs) {
      expect(/[\u4e00-\u9fff]/.test(e.zh), e.code).toBe(true);
      expect([e.code, names(e.zh)]).toEqual([e.code, names(e.en)]);
    }
  });

  it('lists every code in the README with its status', () => {
    const text = fs.readFileSync(readme, 'utf8');
    for (const e of defs) expect(text, e.code).toContain(`| ${e.code} | ${e.status} |`);
  });
});
