/**
 * Boston 311 cases replayed as intake into the Open311 request store (an `AppealSink`): each
 * case becomes a service request (service_code `BOS-` + its TYPE, requested at OPEN_DT,
 * expected at TARGET_DT, counted on its Boston local day, the case title as description, the
 * address and coordinates), routed at intake by the learned rule tables — agency_responsible
 * `Department / QUEUE` — and, when the case is closed, closed at CLOSED_DT with its
 * CLOSURE_REASON as status_notes (else the routing reasons). Keyed by `boston:CASE_ENQUIRY_ID`,
 * so a second run stores nothing twice. Returns `{ accepted, existing, stats }`.
 */
import { localDay } from '../../../core/date/date.ts';
import type { AppealSink } from '../open311/appealSink.ts';
import { BOSTON_TIMEZONE, type BostonCase } from './bostonData.ts';
import { BOSTON_FIELDS } from './bostonReplay.ts';
import { routeCase, type RuleTable } from './ruleLearner.ts';

/** The service code of a Boston request type, e.g. 'BOS-Missing-Sign'. */
export function bostonServiceCode(type: string): string {
  return `BOS-${type.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** Result of a replay into a sink. */
export interface BostonIntakeResult {
  readonly accepted: number;
  /** Cases stored by an earlier run (same CASE_ENQUIRY_ID). */
  readonly existing: number;
  readonly stats: { readonly closed: number; readonly ms: number };
}

/**
 * Store `cases` through `sink`, routed with the Department and QUEUE tables.
 * Sequential (one request after the other, as an intake channel delivers them).
 */
export async function replayBostonIntake(sink: AppealSink, cases: readonly BostonCase[], tables: { department: RuleTable; queue: RuleTable }): Promise<BostonIntakeResult> {
  const t0 = performance.now();
  let accepted = 0;
  let existing = 0;
  let closed = 0;
  for (const c of cases) {
    const department = routeCase(tables.department, BOSTON_FIELDS, c);
    const queue = routeCase(tables.queue, BOSTON_FIELDS, c);
    const created = await sink.create({
      serviceCode: bostonServiceCode(c.type), serviceName: c.type, description: c.title || null, requestedAt: c.opened, localDay: localDay(c.opened, BOSTON_TIMEZONE),
      expectedAt: c.target, serviceNotice: null, agencyResponsible: `${department.value} / ${queue.value}`, address: c.address || null, addressId: null,
      zipcode: c.places.LOCATION_ZIPCODE ? c.places.LOCATION_ZIPCODE.replace(/\.0$/, '').padStart(5, '0') : null, lat: c.lat, long: c.long, mediaUrl: null,
      attributes: { SOURCE: c.places.Source }, jurisdictionId: 'boston.gov', apiKeyId: null, externalId: `boston:${c.id}`,
      submitter: { email: null, phone: null, firstName: null, lastName: null, deviceId: null, accountId: null },
    });
    if (created.existing) {
      existing += 1;
      continue;
    }
    accepted += 1;
    const notes = c.caseStatus === 'Closed' && c.closureReason ? c.closureReason : `${department.reason}; ${queue.reason}`;
    if (c.caseStatus === 'Closed' && c.closed) {
      closed += 1;
      await sink.setStatus(created.id, { status: 'closed', notes, at: c.closed });
    } else await sink.setStatus(created.id, { status: 'open', notes, at: c.opened });
  }
  return { accepted, existing, stats: { closed, ms: performance.now() - t0 } };
}
