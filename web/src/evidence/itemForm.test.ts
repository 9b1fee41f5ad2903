import { describe, expect, it } from 'vitest';
import { evidenceMessages } from './i18n/messages.ts';
import { emptyItemForm, formatInstant, itemFromForm, nextItemKey } from './itemForm.ts';

describe('attach-item form', () => {
  it('numbers the next item after the highest E-number', () => {
    expect(nextItemKey(['E01', 'E02', 'E07', 'X1'])).toBe('E08');
    expect(nextItemKey([])).toBe('E01');
  });

  it('builds a physical item with a two-entry custody record, the ticked formalities and the typed facts', () => {
    const s = { ...emptyItemForm('E06', '涉案财物管理中心'), title: '单刃尖刀一把', topics: 'weapon，knife', proves: ['act' as const], collector: '侦查员 韩立', place: '现场', collectedAt: '2026-03-02T10:00:00Z', weapon: 'knife', amount: 'abc' };
    const item = itemFromForm(s, '现场');
    expect(item).toMatchObject({ key: 'E06', kind: 'physical', topics: ['weapon', 'knife'], proves: ['act'], facts: { weapon: 'knife' }, formalities: { signedByCollector: true, extractionRecord: true } });
    expect(item.custody.map((c) => [c.action, c.fromHolder, c.toHolder])).toEqual([['collected', '现场', '侦查员 韩立'], ['transferred', '侦查员 韩立', '涉案财物管理中心']]);
    expect(() => itemFromForm({ ...s, title: ' ' }, '现场')).toThrow('title');
  });

  it('formats instants in the local time zone of the process', () => {
    const local = new Date('2026-12-01T02:30:00Z');
    const hh = String(local.getHours()).padStart(2, '0');
    expect(formatInstant('2026-12-01T02:30:00Z', 'zh-CN')).toContain(`${hh}:30`);
    expect(formatInstant('not a time', 'en')).toBe('not a time');
  });

  it('has the same message keys in both languages', () => {
    expect(Object.keys(evidenceMessages.en).sort()).toEqual(Object.keys(evidenceMessages['zh-CN']).sort());
  });
});
