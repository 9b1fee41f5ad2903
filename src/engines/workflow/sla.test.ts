import { describe, expect, it } from 'vitest';
import { dueAt, isWorkingDay, parseDuration, slaVerdict } from './sla.ts';

const d = (s: string) => new Date(s);

describe('SLA time limits', () => {
  it('parses ISO 8601 durations and rejects the rest with a code', () => {
    expect(parseDuration('P3D')).toEqual({ ok: true, duration: { days: 3, hours: 0, minutes: 0 } });
    expect(parseDuration('PT24H')).toEqual({ ok: true, duration: { days: 0, hours: 24, minutes: 0 } });
    expect(parseDuration('P1DT2H30M')).toEqual({ ok: true, duration: { days: 1, hours: 2, minutes: 30 } });
    for (const bad of ['P', 'PT', '3 days', 'P1M', 'P1Y']) {
      const r = parseDuration(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('SLA_BAD_DURATION');
    }
  });

  it('counts working days in Asia/Shanghai, skipping weekends and holidays, honouring 调休 working weekends', () => {
    // Friday 2026-10-09 10:00 +08:00; P1D in working days → Monday 2026-10-12 10:00 +08:00.
    const fri = d('2026-10-09T02:00:00Z');
    const cal = { kind: 'working' as const };
    expect(dueAt(fri, { days: 1, hours: 0, minutes: 0 }, cal).toISOString()).toBe('2026-10-12T02:00:00.000Z');
    // 23:30 UTC Friday is already Saturday in Shanghai.
    expect(isWorkingDay(d('2026-10-09T23:30:00Z'), cal)).toBe(false);
    expect(isWorkingDay(d('2026-10-09T23:30:00Z'), { kind: 'working', timezone: 'UTC' })).toBe(true);
    const withHoliday = { kind: 'working' as const, holidays: ['2026-10-12'], workingWeekends: ['2026-10-10'] };
    expect(dueAt(fri, { days: 2, hours: 0, minutes: 0 }, withHoliday).toISOString()).toBe('2026-10-13T02:00:00.000Z');
    expect(dueAt(fri, { days: 3, hours: 0, minutes: 0 }, { kind: 'calendar' }).toISOString()).toBe('2026-10-12T02:00:00.000Z');
  });

  it('gives met / breached / open / open_overdue / no_target verdicts', () => {
    const start = d('2026-01-05T00:00:00Z');
    const within = { days: 0, hours: 48, minutes: 0 };
    const now = d('2026-01-10T00:00:00Z');
    expect(slaVerdict({ start, within, completed: d('2026-01-07T00:00:00Z'), now })).toMatchObject({ status: 'met', onTime: 'ONTIME', marginMs: 0 });
    expect(slaVerdict({ start, within, completed: d('2026-01-07T00:00:01Z'), now })).toMatchObject({ status: 'breached', onTime: 'OVERDUE', marginMs: -1000 });
    expect(slaVerdict({ start, within, now: d('2026-01-06T00:00:00Z') })).toMatchObject({ status: 'open', onTime: 'ONTIME' });
    expect(slaVerdict({ start, within, now })).toMatchObject({ status: 'open_overdue', onTime: 'OVERDUE' });
    expect(slaVerdict({ start, due: null, now })).toEqual({ status: 'no_target', dueAt: null, marginMs: null, onTime: null });
    expect(slaVerdict({ start, due: d('2026-01-06T00:00:00Z'), completed: d('2026-01-05T12:00:00Z'), now }).dueAt).toBe('2026-01-06T00:00:00.000Z');
  });
});
