/**
 * One field of the registration form: label, control, and under it the live validation
 * (errors red, warnings amber, parsed hints grey) and the server's errors for the field after
 * a submit. `live` names the validator kind; null means no live check for this field.
 */
import { useEffect, type ReactNode } from 'react';
import type { ValidationResult } from '../api.ts';
import type { Issue } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { hintsFor } from './hints.ts';
import { useLiveValidation, type ValidateKind } from './useLiveValidation.ts';

export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly children: ReactNode;
  readonly live?: ValidateKind | null;
  readonly value?: string;
  readonly courier?: string;
  readonly serverIssues?: readonly Issue[];
  readonly wide?: boolean;
  /** Called with each live validation result (e.g. to pick the courier detected from a waybill number). */
  readonly onResult?: (result: ValidationResult) => void;
}

function IssueLine({ issue, tone }: { issue: Issue; tone: 'error' | 'warning' }) {
  const { pick } = useI18n();
  return (
    <div className={`msg msg-${tone}`} data-code={issue.code}>
      {pick(issue)}
    </div>
  );
}

export function FormField({ name, label, children, live = null, value = '', courier, serverIssues = [], wide, onResult }: FieldProps) {
  const { t, lang, pick } = useI18n();
  const state = useLiveValidation(live, value, courier);
  const r = state.result;
  useEffect(() => {
    if (r && onResult) onResult(r);
  }, [r, onResult]);
  const hints = r ? hintsFor(live!, r, t, lang) : [];
  return (
    <div className={`field ${wide ? 'field-wide' : ''}`} data-field={name}>
      <label className="field-label" htmlFor={`f-${name}`}>
        {label}
      </label>
      {children}
      <div className="field-msgs" aria-live="polite" data-testid={`msgs-${name}`}>
        {state.checking && <div className="msg msg-muted">{t('register.checking')}</div>}
        {!state.checking && r?.errors.map((i, n) => <IssueLine key={`e-${n}`} issue={i} tone="error" />)}
        {!state.checking && r?.warnings.map((i, n) => <IssueLine key={`w-${n}`} issue={i} tone="warning" />)}
        {!state.checking && r?.valid && !r.warnings.length && !hints.length && <div className="msg msg-ok">{t('register.valid')}</div>}
        {!state.checking && hints.length > 0 && (
          <div className="msg msg-hint" data-testid={`hints-${name}`}>
            {hints.map((h) => (
              <span key={h.label} className="hint">
                <span className="hint-label">{h.label}</span> {h.value}
              </span>
            ))}
          </div>
        )}
        {state.error && <div className="msg msg-error">{pick(state.error.bilingual)}</div>}
        {serverIssues.map((i, n) => (
          <div key={`s-${n}`} className="msg msg-error msg-server" data-code={i.code}>
            {pick(i)}
          </div>
        ))}
      </div>
    </div>
  );
}
