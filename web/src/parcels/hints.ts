/**
 * What the registration form shows under a field once the server has validated it: parsed
 * facts as label/value hints (ID number → 出生日期/性别/籍贯; phone → carrier; waybill →
 * company; address → division). Pure functions of the ValidationResult (src/core shapes).
 */
import type { ValidationResult } from '../api.ts';
import type { Lang, MessageKey } from '../i18n/index.ts';
import type { ValidateKind } from './useLiveValidation.ts';

type T = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export interface Hint {
  readonly label: string;
  readonly value: string;
}

type Parsed = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);

/** A division as the validators give it: a names path (array or string) or an object with names. */
export function divisionText(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' && x).join(' ');
  if (typeof v === 'string') return v || undefined;
  if (v && typeof v === 'object') {
    const o = v as Parsed;
    if (Array.isArray(o.names)) return divisionText(o.names);
    const parts = [o.province, o.prefecture, o.county].map(str).filter((x): x is string => Boolean(x));
    if (parts.length) return parts.join(' ');
    return str(o.name) ?? str(o.path);
  }
  return undefined;
}

const carriers: Readonly<Record<string, MessageKey>> = {
  cmcc: 'carrier.cmcc',
  'china-mobile': 'carrier.cmcc',
  mobile: 'carrier.cmcc',
  cucc: 'carrier.cucc',
  'china-unicom': 'carrier.cucc',
  unicom: 'carrier.cucc',
  ctcc: 'carrier.ctcc',
  'china-telecom': 'carrier.ctcc',
  telecom: 'carrier.ctcc',
  cbn: 'carrier.cbn',
  'china-broadnet': 'carrier.cbn',
  broadnet: 'carrier.cbn',
};

function carrierText(v: unknown, t: T): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const key = carriers[s.toLowerCase()];
  return key ? t(key) : s;
}

function idHints(p: Parsed, t: T): Hint[] {
  const out: Hint[] = [];
  const birth = str(p.birthDate);
  if (birth) out.push({ label: t('hint.birthDate'), value: birth });
  if (p.sex === 'male' || p.sex === 'female') out.push({ label: t('hint.sex'), value: t(`sex.${p.sex}`) });
  const place = divisionText(p.division);
  const code = str(p.divisionCode);
  if (place || code) out.push({ label: t('hint.nativePlace'), value: [place, code && `(${code})`].filter(Boolean).join(' ') });
  if (p.residencePermit) out.push({ label: t('hint.residencePermit'), value: String(p.residencePermit).toUpperCase() });
  if (p.legacy15 === true && str(p.idNumber18)) out.push({ label: t('hint.normalized'), value: t('hint.legacy15', { id: String(p.idNumber18) }) });
  if (p.divisionRetired === true) out.push({ label: t('hint.division'), value: t('hint.retired', { successor: str(p.successor) ?? '—' }) });
  return out;
}

function phoneHints(p: Parsed, t: T, normalized: string | null): Hint[] {
  const out: Hint[] = [];
  if (p.kind === 'mobile' || p.kind === 'landline') out.push({ label: t('hint.phoneKind'), value: t(`hint.${p.kind}`) });
  const carrier = carrierText(p.carrier, t);
  if (carrier) out.push({ label: t('hint.carrier'), value: carrier });
  const area = str(p.areaCode);
  if (area) out.push({ label: t('hint.areaCode'), value: area });
  const place = [str(p.province), str(p.city)].filter((x, i, xs): x is string => Boolean(x) && xs.indexOf(x) === i).join(' ');
  if (place) out.push({ label: t('hint.location'), value: place });
  if (normalized) out.push({ label: t('hint.normalized'), value: normalized });
  return out;
}

function waybillHints(p: Parsed, t: T, lang: Lang): Hint[] {
  const c = p.courier;
  let name: string | undefined;
  if (c && typeof c === 'object') {
    const o = c as Parsed;
    name = lang === 'en' ? (str(o.code) ?? str(o.name)) : (str(o.name) ?? str(o.code));
  } else {
    name = lang === 'en' ? (str(p.courier) ?? str(p.courierCode)) : (str(p.courierName) ?? str(p.name) ?? str(p.courier));
  }
  return name ? [{ label: t('hint.company'), value: name }] : [];
}

function addressHints(p: Parsed, t: T): Hint[] {
  const out: Hint[] = [];
  const div = divisionText(p);
  const code = str(p.divisionCode);
  if (div || code) out.push({ label: t('hint.division'), value: [div, code && `(${code})`].filter(Boolean).join(' ') });
  const detail = str(p.detail);
  if (detail) out.push({ label: t('hint.detail'), value: detail });
  return out;
}

function dateHints(p: Parsed, t: T, normalized: string | null): Hint[] {
  const out: Hint[] = [];
  const instant = str(p.instant);
  if (instant) out.push({ label: t('hint.instant'), value: instant });
  else if (normalized) out.push({ label: t('hint.normalized'), value: normalized });
  return out;
}

/** The hints to show for a validated value; none when the value is invalid or has no parse. */
export function hintsFor(kind: ValidateKind, result: ValidationResult, t: T, lang: Lang): Hint[] {
  if (!result.valid || !result.parsed) return [];
  const p = result.parsed as Parsed;
  switch (kind) {
    case 'id-number':
      return idHints(p, t);
    case 'phone':
      return phoneHints(p, t, result.normalized);
    case 'waybill':
      return waybillHints(p, t, lang);
    case 'address':
      return addressHints(p, t);
    case 'date':
      return dateHints(p, t, result.normalized);
  }
}
