/**
 * Time limits (SLA, 时限): deadlines from an ISO 8601 duration (PT24H, P3D, P15D) counted in
 * calendar time, or in working days of a calendar (weekends and listed holidays skipped,
 * days taken in the calendar's time zone, default Asia/Shanghai), and the on-time verdict of a
 * milestone. Verdict rule (Open311 / 12345 practice): a milestone is met when it was completed
 * at or before its due time; breached when completed after it, or still open after it.
 */
import { issue, type Issue } from '../../core/errors.ts';
import { WorkflowErrors as E } from './errors.ts';

export interface Duration {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/** Parse a subset of ISO 8601 durations: PnD, PTnH, PTnM, PnDTnHnM (no years/months: they are not fixed lengths). */
export function parseDuration(value: string): { ok: true; duration: Duration } | { ok: false; error: Issue } {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return { ok: false, error: issue(E.SLA_BAD_DURATION, { value }) };
  return { ok: true, duration: { days: Number(m[1] ?? 0), hours: Number(m[2] ?? 0), minutes: Number(m[3] ?? 0) } };
}

export interface Calendar {
  /** 'calendar': every day counts; 'working': Mon–Fri minus holidays (plus extra working days). */
  readonly kind: 'calendar' | 'working';
  readonly timezone?: string;
  /** Local dates 'YYYY-MM-DD' that are not working days (法定节假日). */
  readonly holidays?: readonly string[];
  /** Local dates that are working days although they fall on a weekend (调休上班). */
  readonly workingWeekends?: readonly string[];
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function localDate(instant: Date, timezone: string): { ymd: string; weekday: number } {
  let f = dayFormatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
    dayFormatters.set(timezone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
  return { ymd: `${parts.year}-${parts.month}-${parts.day}`, weekday };
}

/** Whether the local day of `instant` is a working day in the calendar. */
export function isWorkingDay(instant: Date, calendar: Calendar): boolean {
  if (calendar.kind === 'calendar') return true;
  const { ymd, weekday } = localDate(instant, calendar.timezone ?? 'Asia/Shanghai');
  if (calendar.workingWeekends?.includes(ymd)) return true;
  if (calendar.holidays?.includes(ymd)) return false;
  return weekday >= 1 && weekday <= 5;
}

const DAY = 86_400_000;

/**
 * The due instant: `start` plus the duration. In a working-day calendar each day of the
 * duration advances to the next working day at the same local time (a request received on a
 * Friday with P1D is due on Monday); hours and minutes are added in elapsed time.
 */
export function dueAt(start: Date, duration: Duration, calendar: Calendar = { kind: 'calendar' }): Date {
  let t = start.getTime();
  if (calendar.kind === 'calendar') t += duration.days * DAY;
  else {
    let remaining = duration.days;
    while (remaining > 0) {
      t += DAY;
      if (isWorkingDay(new Date(t), calendar)) remaining -= 1;
    }
  }
  return new Date(t + duration.hours * 3_600_000 + duration.minutes * 60_000);
}

export type SlaStatus = 'met' | 'breached' | 'open' | 'open_overdue' | 'no_target';

export interface SlaVerdict {
  readonly status: SlaStatus;
  /** ISO instant, or null when there is no target. */
  readonly dueAt: string | null;
  /** Positive = time left (open) or margin (met); negative = overdue; milliseconds. */
  readonly marginMs: number | null;
  /** 'ONTIME' | 'OVERDUE' as Open311/Boston report it; null when there is no target. */
  readonly onTime: 'ONTIME' | 'OVERDUE' | null;
}

/**
 * The verdict of one milestone. Give either an explicit `due` instant or `within` (a
 * duration from `start`). `completed` absent = still open, judged at `now`.
 */
export function slaVerdict(input: {
  start: Date;
  due?: Date | null;
  within?: Duration;
  completed?: Date | null;
  now: Date;
  calendar?: Calendar;
}): SlaVerdict {
  const due = input.due ?? (input.within ? dueAt(input.start, input.within, input.calendar) : null);
  if (!due) return { status: 'no_target', dueAt: null, marginMs: null, onTime: null };
  if (input.completed) {
    const margin = due.getTime() - input.completed.getTime();
    return { status: margin >= 0 ? 'met' : 'breached', dueAt: due.toISOString(), marginMs: margin, onTime: margin >= 0 ? 'ONTIME' : 'OVERDUE' };
  }
  const margin = due.getTime() - input.now.getTime();
  return { status: margin >= 0 ? 'open' : 'open_overdue', dueAt: due.toISOString(), marginMs: margin, onTime: margin >= 0 ? 'ONTIME' : 'OVERDUE' };
}
