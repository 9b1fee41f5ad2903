/**
 * zod 4 → API errors: a failed parse becomes AppError VALIDATION_FAILED (422) whose details are
 * one Issue per field (REQUIRED when the value is absent, FIELD_INVALID with zod's reason
 * otherwise), so clients can show each message beside its field.
 */
import { z } from 'zod';
import { AppError, issue, type Issue } from '../core/errors.ts';
import './errors.ts';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * Convert a ZodError about `data` into AppError VALIDATION_FAILED with per-field details.
 * `field` of each detail is the dotted path (e.g. 'records.3.senderIdNumber'); `params.part`
 * names the request part ('body', 'querystring', 'params') when given.
 */
export function zodToAppError(error: z.ZodError, data: unknown, part?: string): AppError {
  const details: Issue[] = error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const absent = valueAt(data, i.path) === undefined || valueAt(data, i.path) === '';
    const params: Record<string, string> = part ? { part, field, reason: i.message } : { field, reason: i.message };
    return absent && (i.code === 'invalid_type' || i.code === 'too_small') ? issue('REQUIRED', params, field) : issue('FIELD_INVALID', params, field);
  });
  return new AppError('VALIDATION_FAILED', { count: details.length }, details);
}

/**
 * JSON Schema (OpenAPI 3.0 dialect) of a zod schema's input, for the OpenAPI document.
 * Request validation itself is done by zod, not by this schema.
 */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
