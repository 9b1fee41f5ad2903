/** Loading and error states shared by the pages. */
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.ts';

export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, pick } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <span>{pick(error.bilingual)}</span> <code className="code">{error.code}</code>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <div className="loading">{t('app.loading')}</div>;
}
