/** The success panel after a registration: parcel id, duplicate note, screening flags, warnings. */
import { useI18n } from '../i18n/index.ts';
import type { RegistrationResult } from './types.ts';

export function RegistrationOutcome({ result, onNext }: { result: RegistrationResult; onNext: () => void }) {
  const { t, pick } = useI18n();
  const terms = result.flags.flatMap((f) => (f.terms ? [...f.terms] : f.term ? [f.term] : [])).filter(Boolean);
  return (
    <div className="notice notice-ok" role="status" data-testid="register-success">
      <div className="outcome-head">
        <strong>{result.duplicate ? t('register.duplicate', { id: String(result.id ?? '') }) : t('register.success', { id: String(result.id ?? '') })}</strong>
        <button type="button" className="btn btn-small" onClick={onNext}>
          {t('register.new')}
        </button>
      </div>
      {terms.length ? (
        <div className="outcome-flags">
          {t('register.flags')}:{' '}
          {result.flags.map((f, i) => (
            <span key={i} className="tag tag-alert">
              {[f.category, ...(f.terms ?? (f.term ? [f.term] : []))].filter(Boolean).join(' · ')}
            </span>
          ))}
        </div>
      ) : (
        <div className="muted small">{t('register.noFlags')}</div>
      )}
      {result.warnings.length > 0 && (
        <div className="outcome-warnings">
          {t('register.warnings')}:
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i} className="msg-warning">
                {pick(w)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
