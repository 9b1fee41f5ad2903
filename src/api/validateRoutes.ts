/**
 * GET /api/validate/:kind?value=…&courier=… — live validation for forms (the registration
 * page checks each field as the clerk types). Runs one src/core validator and returns its
 * `ValidationResult` JSON unchanged: { valid, normalized, parsed, errors[], warnings[] }, each
 * issue with code, message (zh-CN) and messageEn. Nothing is stored or audited: the value comes
 * from the caller and no stored personal data is read. Signed-in users only, so the endpoint is
 * not an open oracle.
 *
 * Kinds: id-number (GB 11643-1999, default non-strict mode), phone, waybill (courier as code or
 * name; without one the company is detected from the number), date (local times in the
 * platform's zone, Asia/Shanghai by default), address (GB/T 2260 division of an address),
 * division, postcode, uscc (GB 32100-2015).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineErrors, issue } from '../core/errors.ts';
import {
  CoreErrors,
  detectCourier,
  fail,
  ok,
  parseAddress,
  parseDate,
  validateDivision,
  validateIdNumber,
  validatePhone,
  validatePostcode,
  validateUscc,
  validateWaybill,
  type ValidationResult,
} from '../core/index.ts';
import type { PlatformContext } from '../platform/module.ts';
import { route } from './route.ts';

export const ValidateErrors = defineErrors('api.validate', {
  VALIDATE_COURIER_AMBIGUOUS: {
    status: 422,
    zh: '请选择快递企业（该运单号可能属于：{candidates}）',
    en: 'choose the courier company (the number may belong to: {candidates})',
  },
  VALIDATE_COURIER_NOT_DETECTED: {
    status: 422,
    zh: '请选择快递企业：该运单号不符合任何已知快递企业的格式',
    en: 'choose the courier company: the number fits no known courier format',
  },
});

export const VALIDATE_ROUTE_KINDS = ['id-number', 'phone', 'waybill', 'date', 'address', 'division', 'postcode', 'uscc'] as const;
export type ValidateRouteKind = (typeof VALIDATE_ROUTE_KINDS)[number];

/** Longest value accepted (characters); longer input is refused by the schema (422). */
export const MAX_VALUE_LENGTH = 200;

function waybill(value: string, courier: string | undefined): ValidationResult<unknown> {
  if (courier && courier.trim()) return validateWaybill(courier, value);
  const detected = detectCourier(value);
  if (detected.courier) return validateWaybill(detected.courier, value);
  if (detected.candidates.length > 1) return fail([issue(ValidateErrors.VALIDATE_COURIER_AMBIGUOUS, { candidates: detected.candidates.join(', ') }, 'courier')]);
  return fail([issue(ValidateErrors.VALIDATE_COURIER_NOT_DETECTED, undefined, 'courier')]);
}

/**
 * Run the validator of `kind` on `value` (pure apart from the clock and zone in `ctx`).
 * @returns the core validator's result; `address` → ok(divisionCode, ParsedAddress) or
 *   ADDRESS_UNRECOGNISED; `waybill` without courier → the detected courier's result, or
 *   VALIDATE_COURIER_AMBIGUOUS / VALIDATE_COURIER_NOT_DETECTED (field 'courier').
 */
export function validateValue(ctx: Pick<PlatformContext, 'now' | 'config'>, kind: ValidateRouteKind, value: string, courier?: string): ValidationResult<unknown> {
  switch (kind) {
    case 'id-number':
      return validateIdNumber(value, { today: ctx.now() });
    case 'phone':
      return validatePhone(value);
    case 'waybill':
      return waybill(value, courier);
    case 'date':
      return parseDate(value, { timezone: ctx.config.timezone });
    case 'address': {
      const parsed = parseAddress(value);
      return parsed ? ok(parsed.divisionCode, parsed) : fail([issue(CoreErrors.ADDRESS_UNRECOGNISED)]);
    }
    case 'division':
      return validateDivision(value);
    case 'postcode':
      return validatePostcode(value);
    case 'uscc':
      return validateUscc(value);
  }
}

/** Register GET /api/validate/:kind on `app` (an app built by buildApp; uses app.platform). */
export function validateRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/validate/:kind',
    tags: ['validate'],
    summary: '即时校验 validate one value (ID number, phone, waybill, date, address …)',
    description: 'Returns the src/core ValidationResult: { valid, normalized, parsed, errors, warnings }. Nothing is stored or audited.',
    params: z.object({ kind: z.enum(VALIDATE_ROUTE_KINDS) }),
    query: z.object({ value: z.string().max(MAX_VALUE_LENGTH), courier: z.string().max(40).optional() }),
    auth: true,
    handler: ({ params, query }) => validateValue(app.platform, params.kind, query.value, query.courier),
  });
}
