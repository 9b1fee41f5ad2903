/**
 * The few places where the parcels application reads src/core beyond the validators' results:
 * courier codes and names (COURIERS), the acceptance instant and local day (isoInstantMs,
 * parseDate, localDay) and the division of an address (parseAddress), with the caches a bulk load needs.
 */
import type { Issue } from '../../core/errors.ts';
import { issue } from '../../core/errors.ts';
import { COURIERS, findCourier, isoInstantMs, isTimeZone, localDateTimeMs, localDay, parseAddress, parseDate } from '../../core/index.ts';
import { ParcelErrors } from './errors.ts';
import { senderMemo } from './senderMemo.ts';

/** The courier code for a code, Chinese name or short name (code case-insensitive), or null. */
export function courierCode(label: string): string | null {
  return findCourier(label)?.code ?? null;
}

/** Every courier code of the table. */
export function courierCodes(): string[] {
  return COURIERS.map((c) => c.code);
}

/** The Chinese name of a courier code (the code itself when unknown). */
export function courierName(code: string): string {
  return COURIERS.find((c) => c.code === code)?.name ?? code;
}

/** { code, name } of every courier, for the registration form. */
export function courierList(): { code: string; name: string; shortName: string }[] {
  return COURIERS.map((c) => ({ code: c.code, name: c.name, shortName: c.shortName }));
}

/**
 * The acceptance instant (ISO-8601 UTC) and its local day in `timezone`, from an ISO instant
 * with offset or a local date-time (interpreted in `timezone`, core parseDate). A date without
 * a time of day, or an instant more than 10 minutes after `now`, is PARCEL_TIME_INVALID.
 */
export function acceptedTime(value: string, timezone: string, now: Date): { instant: string; day: string } | { errors: Issue[] } {
  if (value === '') return { errors: [issue('REQUIRED')] };
  // The form the API sends (toISOString) without parseDate's regular expressions and result
  // objects, which were about a fifth of a parcel's validation allocations (V8 sampling heap profile).
  // Courier exports' local form ('2026-09-01 00:15:31') likewise, without parseDate's date-time path.
  const ms = isoInstantMs(value) ?? localDateTimeMs(value, timezone);
  if (ms !== null && isTimeZone(timezone)) {
    if (ms > now.getTime() + 600_000) return { errors: [issue(ParcelErrors.PARCEL_TIME_INVALID, { timezone })] };
    return { instant: new Date(ms).toISOString(), day: localDay(ms, timezone) };
  }
  const r = parseDate(value, { timezone });
  if (!r.valid || !r.parsed) return { errors: r.errors };
  const p = r.parsed;
  if (!p.instant || !p.localDay || Date.parse(p.instant) > now.getTime() + 600_000) {
    return { errors: [issue(ParcelErrors.PARCEL_TIME_INVALID, { timezone })] };
  }
  return { instant: new Date(p.instant).toISOString(), day: p.localDay };
}

/** Division code (county level or the deepest found) and province name of an address, or null. */
function division(address: string): { divisionCode: string; province: string } | null {
  const a = parseAddress(address);
  return a && a.divisionCode ? { divisionCode: a.divisionCode, province: a.province ?? '' } : null;
}

const senderDivision = senderMemo(division);

/**
 * Division code (county level or the deepest found) and province name of an address, or null.
 * `sender` (default true): remembered per address text (senderMemo.ts) — in 1,000,000 demo
 * parcels the 50,000 most frequent sender addresses are 93 % of rows, receivers' only 20 %.
 */
export function addressDivision(address: string, sender = true): { divisionCode: string; province: string } | null {
  return sender ? senderDivision(address) : division(address);
}
