/**
 * Error display of the reunion pages: the server's coded message in the current language, with
 * a friendlier explanation for the public rate limit (RATE_LIMITED, 429).
 */
import type { ApiError } from '../api.ts';
import { ErrorNotice } from '../app/Status.tsx';
import { useI18n } from '../i18n/index.ts';
import { useReunionText } from './i18n/messages.ts';

/** A coded API error; RATE_LIMITED is shown as a warning that says why searches are limited. */
export function ReunionError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const tx = useReunionText();
  const { pick, t } = useI18n();
  if (error.code === 'RATE_LIMITED') {
    return (
      <div className="notice notice-warn" role="alert" data-testid="rate-limited">
        <div>{tx('rateLimited')}</div>
        <div className="small">
          {pick(error.bilingual)} <code className="code">{error.code}</code>
          {onRetry && <button type="button" className="btn btn-small reu-retry" onClick={onRetry}>{t('app.retry')}</button>}
        </div>
      </div>
    );
  }
  return <ErrorNotice error={error} onRetry={onRetry} />;
}
