/**
 * `gongzhi validate <kind> VALUE [--courier C] [--year Y] [--strict] [--json]`: run one src/core
 * validator and print its result (valid, normalized, parsed, errors[{code, message, messageEn}],
 * warnings). Exit code 0 when valid, 1 when invalid. Needs no database.
 */
import type { Command } from 'commander';
import { issue, CoreErrors } from '../core/errors.ts';
import { fail, ok, type ValidationResult } from '../core/result.ts';
import { validateIdNumber } from '../core/id-number/id-number.ts';
import { validateDivision } from '../core/division/division.ts';
import { parseAddress } from '../core/division/address.ts';
import { validatePhone } from '../core/phone/phone.ts';
import { validatePostcode } from '../core/postcode/postcode.ts';
import { validateUscc } from '../core/uscc/uscc.ts';
import { validateWaybill } from '../core/waybill/waybill.ts';
import { parseDate } from '../core/date/date.ts';

export const VALIDATE_KINDS = ['id-number', 'division', 'phone', 'uscc', 'waybill', 'date', 'postcode', 'address'] as const;
export type ValidateKind = (typeof VALIDATE_KINDS)[number];

export interface ValidateOptions {
  courier?: string;
  year?: number;
  strict?: boolean;
  timezone?: string;
}

/**
 * Run the validator of a kind on a value.
 * @returns the validator's result; for `waybill` without a courier, a failure WAYBILL_COURIER_UNKNOWN;
 *   for `address`, the parsed address (ADDRESS_UNRECOGNISED when nothing is recognised).
 */
export function runValidator(kind: ValidateKind, value: string, options: ValidateOptions = {}): ValidationResult<unknown> {
  switch (kind) {
    case 'id-number':
      return validateIdNumber(value, { strict: options.strict ?? false });
    case 'division':
      return validateDivision(value, options.year === undefined ? {} : { year: options.year });
    case 'phone':
      return validatePhone(value);
    case 'uscc':
      return validateUscc(value);
    case 'waybill':
      return validateWaybill(options.courier ?? '', value);
    case 'date':
      return parseDate(value, options.timezone ? { timezone: options.timezone } : {});
    case 'postcode':
      return validatePostcode(value);
    case 'address': {
      const parsed = parseAddress(value);
      return parsed ? ok(parsed.divisionCode, parsed) : fail([issue(CoreErrors.ADDRESS_UNRECOGNISED)]);
    }
  }
}

function print(result: ValidationResult<unknown>, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines = [result.valid ? `valid: ${result.normalized}` : 'invalid'];
  for (const e of result.errors) lines.push(`  error ${e.code}: ${e.message} / ${e.messageEn}`);
  for (const w of result.warnings) lines.push(`  warning ${w.code}: ${w.message} / ${w.messageEn}`);
  if (result.parsed) lines.push(JSON.stringify(result.parsed, null, 2));
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Register `gongzhi validate` on the program (called from src/cli/commands.ts). */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('validate one value against its standard / 按标准校验一个值')
    .argument('<kind>', VALIDATE_KINDS.join('|'))
    .argument('<value>', 'the value to check')
    .option('--courier <courier>', 'courier code or name (waybill)')
    .option('--year <year>', 'division as in this year (division)', (v) => Number.parseInt(v, 10))
    .option('--strict', 'id-number: address code must be in force in the birth year')
    .option('--timezone <zone>', 'IANA zone for local times (date)')
    .option('--json', 'print the result as one JSON object')
    .action((kind: string, value: string, opts: ValidateOptions & { json?: boolean }) => {
      if (!(VALIDATE_KINDS as readonly string[]).includes(kind)) {
        throw new Error(`unknown kind ${kind}; one of ${VALIDATE_KINDS.join(', ')}`);
      }
      const result = runValidator(kind as ValidateKind, value, opts);
      print(result, opts.json ?? false);
      process.exitCode = result.valid ? 0 : 1;
    });
}
