import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { translate } from './index.ts';
import { provinceLabel, provinceNamesEn } from './provinces.ts';
import { zhCN } from './zh-CN.ts';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('dictionaries', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('every key has the same placeholders in both languages and no empty text', () => {
    for (const [key, zh] of Object.entries(zhCN)) {
      const e = en[key as keyof typeof en];
      expect(placeholders(e), key).toEqual(placeholders(zh));
      expect(zh.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
    }
  });

  it('English texts contain no Chinese except the platform name', () => {
    const han = /\p{Script=Han}/u;
    const offenders = Object.entries(en).filter(([k, v]) => han.test(v) && k !== 'app.name');
    expect(offenders).toEqual([]);
  });

  it('translate fills placeholders in the chosen language', () => {
    expect(translate('zh-CN', 'register.success', { id: 42 })).toBe('登记成功，编号 42');
    expect(translate('en', 'register.success', { id: 42 })).toBe('Registered, id 42');
    expect(translate('en', 'audit.verifyBad', { seq: 7 })).toBe('Chain broken from entry 7 ({problem})');
  });
});

describe('every visible string goes through the dictionary', () => {
  const files = sources(srcDir).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));

  it('every t(...) key used in the sources exists', () => {
    const missing: string[] = [];
    for (const f of files) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) {
        if (!(m[1]! in zhCN)) missing.push(`${path.relative(srcDir, f)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no Chinese text is written into components outside the dictionaries (brand mark, language names and bilingual fallbacks excepted)', () => {
    const allowed = new Set(['共治', '中文']);
    const found: string[] = [];
    for (const f of files) {
      const code = stripComments(fs.readFileSync(f, 'utf8'));
      for (const m of code.matchAll(/[\p{Script=Han}，。：（）]+/gu)) {
        if (allowed.has(m[0])) continue;
        const line = code.slice(code.lastIndexOf('\n', m.index) + 1, code.indexOf('\n', m.index));
        if (/messageEn/.test(line)) continue; // a bilingual pair: { message: '…', messageEn: '…' }
        found.push(`${path.relative(srcDir, f)}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('province labels', () => {
  it('covers the 34 provincial-level divisions and shortens Chinese names', () => {
    expect(Object.keys(provinceNamesEn)).toHaveLength(34);
    expect(provinceLabel('广西壮族自治区', 'zh-CN')).toBe('广西');
    expect(provinceLabel('江苏省', 'zh-CN')).toBe('江苏');
    expect(provinceLabel('北京市', 'zh-CN')).toBe('北京');
    expect(provinceLabel('内蒙古自治区', 'en')).toBe('Inner Mongolia');
    expect(provinceLabel('某某', 'en')).toBe('某某');
  });
});
