/**
 * The application shell: header (platform name 共治 Gongzhi, user, role, language switch,
 * logout) and the navigation of the pages the user's role may open.
 */
import type { ReactNode } from 'react';
import type { User } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { pagesFor } from './pages.ts';
import { useSession } from './session.tsx';

export function Shell({ user, path, children }: { user: User; path: string; children: ReactNode }) {
  const { t } = useI18n();
  const { logout } = useSession();
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">共治</span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        <nav className="nav" aria-label="main">
          {pagesFor(user.role).map((p) => (
            <a key={p.id} href={`#${p.path}`} className={p.path === path ? 'active' : ''} data-page={p.id}>
              {t(p.label)}
            </a>
          ))}
        </nav>
        <div className="user-box">
          <span className="user-name" data-testid="user-name">{user.displayName || user.username}</span>
          <span className="role-badge">{t(`role.${user.role}`)}</span>
          {user.outlet && <span className="muted small">{user.outlet}</span>}
          <LanguageSwitch />
          <button type="button" className="btn btn-ghost" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
