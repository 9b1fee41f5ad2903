/**
 * Login page (用户名/密码): POST /api/auth/login; the API's coded error (bad credentials,
 * rate limit) is shown in the current language.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSession } from './session.tsx';

export function LoginPage() {
  const { t, pick } = useI18n();
  const { login, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login-brand">
          <span className="brand-mark">共治</span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-sub">{t('app.subtitle')}</div>
          </div>
          <LanguageSwitch />
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        {expired && !error && <div className="notice notice-warn">{t('app.sessionExpired')}</div>}
        {error && (
          <div className="notice notice-error" role="alert" data-testid="login-error">
            {error.details.length ? error.details.map((d) => <div key={d.code}>{pick(d)}</div>) : pick(error.bilingual)}
          </div>
        )}
        <label className="field">
          <span className="field-label">{t('login.username')}</span>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span className="field-label">{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <a className="small" href="#/public/search" data-testid="public-search-link">{t('login.publicSearch')}</a>
      </form>
    </div>
  );
}
