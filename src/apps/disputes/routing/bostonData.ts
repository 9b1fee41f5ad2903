/**
 * Reader of Boston 311 case exports (City of Boston open data, 2015 layout: CASE_ENQUIRY_ID,
 * OPEN_DT, TARGET_DT, CLOSED_DT, OnTime_Status, CASE_STATUS, SUBJECT, REASON, TYPE, QUEUE,
 * Department, place fields, Source). Times are written 'MM/DD/YYYY hh:mm:ss AM' without a zone:
 * they are Boston local time (America/New_York, with DST), turned into instants here; in the
 * repeated hour when DST ends the later offset is used (core `localToUtc`).
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { AppError, issue, type Issue } from '../../../core/errors.ts';
import { utcMs } from '../../../core/date/calendar.ts';
import { localToUtc } from '../../../core/date/timezone.ts';
import { RoutingErrors as E } from './errors.ts';

/** Boston's zone. */
export const BOSTON_TIMEZONE = 'America/New_York';

/** Place and channel fields used by routing rules. */
export const BOSTON_PLACE_FIELDS = [
  'fire_district', 'pwd_district', 'city_council_district', 'police_district', 'neighborhood',
  'neighborhood_services_district', 'ward', 'LOCATION_ZIPCODE', 'Source',
] as const;

/** One case. Instants are Date (UTC); null when the column is empty. */
export interface BostonCase {
  readonly line: number;
  readonly id: string;
  readonly opened: Date;
  readonly target: Date | null;
  readonly closed: Date | null;
  /** 'ONTIME' | 'OVERDUE' | '' as exported. */
  readonly onTimeStatus: string;
  readonly caseStatus: 'Open' | 'Closed';
  readonly subject: string;
  readonly reason: string;
  readonly type: string;
  readonly queue: string;
  readonly department: string;
  readonly title: string;
  readonly closureReason: string;
  readonly places: Readonly<Record<(typeof BOSTON_PLACE_FIELDS)[number], string>>;
  readonly lat: number | null;
  readonly long: number | null;
  readonly address: string;
}

const REQUIRED = ['CASE_ENQUIRY_ID', 'OPEN_DT', 'TARGET_DT', 'CLOSED_DT', 'OnTime_Status', 'CASE_STATUS', 'SUBJECT', 'REASON', 'TYPE', 'QUEUE', 'Department', ...BOSTON_PLACE_FIELDS];
const TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2}) (AM|PM)$/;

// Offset (ms) of each local hour: zones change offset only on the hour, so one Intl look-up per
// local hour serves every time inside it (an export holds tens of thousands of times).
const hourOffsets = new Map<string, number>();

/** A Boston export time ('01/05/2015 12:40:41 PM') as an instant, or null when it is not one. */
export function parseBostonTime(value: string, timezone = BOSTON_TIMEZONE): Date | null {
  const m = TIME.exec(value.trim());
  if (!m) return null;
  const [month, day, year, hour12, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (hour12 < 1 || hour12 > 12 || month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59) return null;
  const hour = (hour12 % 12) + (m[7] === 'PM' ? 12 : 0);
  const hourStart = utcMs(year, month, day, hour);
  const key = `${timezone}|${hourStart}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    if (hourOffsets.size > 100_000) hourOffsets.clear();
    hourOffsets.set(key, (offset = hourStart - localToUtc(hourStart, timezone)));
  }
  return new Date(hourStart + minute * 60_000 + second * 1000 - offset);
}

/**
 * Read a Boston 311 CSV. Rows with an unreadable OPEN_DT, TARGET_DT or CLOSED_DT are rejected
 * with a reason (nothing silently dropped).
 * @throws AppError ROUTING_FILE_COLUMNS when a needed column is missing.
 */
export function readBostonCases(file: string): { accepted: BostonCase[]; rejected: { line: number; issue: Issue }[] } {
  const records = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  const missing = REQUIRED.filter((c) => records.length > 0 && !(c in records[0]!));
  if (missing.length) throw new AppError(E.ROUTING_FILE_COLUMNS, { columns: missing.join(', ') });
  const accepted: BostonCase[] = [];
  const rejected: { line: number; issue: Issue }[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const time = (column: string) => {
      const v = (r[column] ?? '').trim();
      if (v === '') return null;
      const t = parseBostonTime(v);
      if (!t) throw issue(E.ROUTING_BAD_TIME, { line, column, value: v });
      return t;
    };
    try {
      const opened = time('OPEN_DT');
      if (!opened) throw issue(E.ROUTING_BAD_TIME, { line, column: 'OPEN_DT', value: '' });
      const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : null);
      accepted.push({
        line, id: r.CASE_ENQUIRY_ID!.trim(), opened, target: time('TARGET_DT'), closed: time('CLOSED_DT'),
        onTimeStatus: r.OnTime_Status!.trim(), caseStatus: r.CASE_STATUS!.trim() === 'Closed' ? 'Closed' : 'Open',
        subject: r.SUBJECT!.trim(), reason: r.REASON!.trim(), type: r.TYPE!.trim(), queue: r.QUEUE!.trim(), department: r.Department!.trim(),
        title: (r.CASE_TITLE ?? '').trim(), closureReason: (r.CLOSURE_REASON ?? '').replace(/\s+/g, ' ').trim(),
        places: Object.fromEntries(BOSTON_PLACE_FIELDS.map((f) => [f, (r[f] ?? '').trim()])) as BostonCase['places'],
        lat: num(r.LATITUDE), long: num(r.LONGITUDE), address: (r.Location ?? '').trim(),
      });
    } catch (e) {
      if (e && typeof e === 'object' && 'code' in e && 'messageEn' in e) rejected.push({ line, issue: e as Issue });
      else throw e;
    }
  });
  return { accepted, rejected };
}
