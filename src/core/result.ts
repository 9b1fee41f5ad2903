/**
 * The value every validator in src/core returns (docs/CONVENTIONS.md: results, not exceptions,
 * for bad input). A result is `valid` exactly when `errors` is empty; `warnings` never make a
 * value invalid (e.g. a retired division code, an unverified waybill length).
 */
import type { Issue } from './errors.ts';

export interface ValidationResult<P> {
  /** True when no error was found (warnings allowed). */
  valid: boolean;
  /** The canonical text form of the value when valid, else null (never a guessed repair). */
  normalized: string | null;
  /** The fields read from the value when valid, else null. */
  parsed: P | null;
  errors: Issue[];
  warnings: Issue[];
}

/**
 * A valid result.
 * @param normalized canonical form of the value
 * @param parsed fields read from the value
 * @param warnings findings that do not invalidate the value
 */
export function ok<P>(normalized: string, parsed: P, warnings: Issue[] = []): ValidationResult<P> {
  return { valid: true, normalized, parsed, errors: [], warnings };
}

/**
 * An invalid result: `normalized` and `parsed` are null so that nothing downstream can store a
 * half-checked value.
 * @param errors at least one error (an empty list is a programming error and throws)
 * @param warnings additional non-blocking findings
 */
export function fail<P = never>(errors: Issue[], warnings: Issue[] = []): ValidationResult<P> {
  if (errors.length === 0) throw new Error('fail() needs at least one error');
  return { valid: false, normalized: null, parsed: null, errors, warnings };
}

/**
 * Build a result from collected errors: valid (with `normalized`/`parsed`) when `errors` is
 * empty, otherwise invalid.
 */
export function resultOf<P>(errors: Issue[], warnings: Issue[], normalized: string, parsed: P): ValidationResult<P> {
  return errors.length === 0 ? ok(normalized, parsed, warnings) : fail<P>(errors, warnings);
}
