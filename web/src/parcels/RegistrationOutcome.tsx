/** The success panel after a registration: parcel id, duplicate note, screening flags, warnings. */
import { useI18n } from '../i18n/index.ts';
import { categoryLabel, type CategoryNames } from './dashboardCharts.ts';
import type { RegistrationResult } from './types.ts';

export function RegistrationOutcome({ result, names, onNext }: { result: RegistrationResult; names: CategoryNames; onNext: () => void }) {
  const { t, pick, lang } = useI18n();
  const id = String(result.id ?? '');
  return (
    <div className="notice notice-ok" role="status" data-testid="register-success">
      <div className="outcome-head">
        <strong data-testid="register-success-text">{result.duplicate ? t('register.duplicate', { id }) : t('register.success', { id })}</strong>
        <button type="button" className="btn btn-small" onClick={onNext}>
          {t('register.new')}
        </button>
      </div>
      {result.flags.length ? (
        <div className="outcome-flags" data-testid="register-flags">
          {t('register.flags')}:{' '}
          {result.flags.map((f) => (
            <span key={`${f.category}-${f.term}`} className="tag tag-alert">
              {categoryLabel(f.category, lang, names)} · {f.term}
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
