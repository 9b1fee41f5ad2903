import { describe, expect, it } from 'vitest';
import { disputesMessages } from './i18n/messages.ts';
import { byUrgency, type AppealSummary } from './types.ts';

describe('disputes pages text and list order', () => {
  it('has the same keys in Chinese and English, none empty, placeholders alike', () => {
    const zh = disputesMessages['zh-CN'];
    const en = disputesMessages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[k].length, k).toBeGreaterThan(0);
      expect(en[k].length, k).toBeGreaterThan(0);
      expect((en[k].match(/\{\w+\}/g) ?? []).sort(), k).toEqual((zh[k].match(/\{\w+\}/g) ?? []).sort());
    }
  });

  it('orders cases breached first, then open cases oldest first, closed last', () => {
    const row = (appealNo: string, state: string, receivedAt: string, slaBreached: boolean) => ({ appealNo, state, receivedAt, slaBreached }) as AppealSummary;
    const rows = [row('A', 'closed', '2026-01-01T08:00:00+08:00', false), row('B', 'mediating', '2026-01-03T08:00:00+08:00', false), row('C', 'received', '2026-01-05T08:00:00+08:00', true), row('D', 'accepted', '2026-01-02T08:00:00+08:00', false)];
    expect(rows.sort(byUrgency).map((r) => r.appealNo)).toEqual(['C', 'D', 'B', 'A']);
  });
});
