/**
 * Top of the React tree: language and session providers, then either the login page or the
 * shell with the page the hash route names (falling back to the role's first page).
 */
import { useEffect } from 'react';
import { AuditPage } from '../audit/AuditPage.tsx';
import { EvidencePage } from '../evidence/EvidencePage.tsx';
import { DisputesPage } from '../disputes/ConsolePage.tsx';
import { BodiesPage } from '../disputes/BodiesPage.tsx';
import { WarningPage } from '../disputes/WarningPage.tsx';
import { PublicAppealPage } from '../disputes/PublicAppealPage.tsx';
import { AlertsPage } from '../reunion/AlertsPage.tsx';
import { PostsPage } from '../reunion/PostsPage.tsx';
import { PublicSearchPage } from '../reunion/PublicSearchPage.tsx';
import { TipsPage } from '../reunion/TipsPage.tsx';
import { I18nProvider, useI18n } from '../i18n/index.ts';
import { DashboardPage } from '../parcels/DashboardPage.tsx';
import { LookupPage } from '../parcels/LookupPage.tsx';
import { LeadsPage } from '../leads/LeadsPage.tsx';
import { RegisterPage } from '../parcels/RegisterPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { pageAt, pagesFor, type PageId } from './pages.ts';
import { navigate, useRoute } from './router.ts';
import { SessionProvider, useSession } from './session.tsx';
import { Shell } from './Shell.tsx';

const views: Readonly<Record<PageId, () => React.JSX.Element>> = {
  dashboard: DashboardPage,
  register: RegisterPage,
  lookup: LookupPage,
  audit: AuditPage,
  evidence: EvidencePage,
  reunionPosts: PostsPage,
  reunionTips: TipsPage,
  reunionAlerts: AlertsPage,
  leads: LeadsPage,
  disputes: DisputesPage,
  disputesBodies: BodiesPage,
  disputesWarnings: WarningPage,
};

function Routed() {
  const { user } = useSession();
  const { t } = useI18n();
  const path = useRoute();
  const page = pageAt(path);
  const allowed = user ? pagesFor(user.role) : [];
  const target = page && allowed.includes(page) ? page : allowed[0];

  const isPublic = path.startsWith('/public/');

  useEffect(() => {
    if (user && target && target.path !== path && !isPublic) navigate(target.path);
  }, [user, target, path, isPublic]);

  if (path === '/public/appeal') return <PublicAppealPage />;
  if (isPublic) return <PublicSearchPage />;
  if (user === undefined) return <div className="splash">{t('app.loading')}</div>;
  if (user === null) return <LoginPage />;
  if (!target) {
    return (
      <Shell user={user} path={path}>
        <div className="notice notice-warn">{t('app.forbidden')}</div>
      </Shell>
    );
  }
  const View = views[target.id];
  return (
    <Shell user={user} path={target.path}>
      <View />
    </Shell>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Routed />
      </SessionProvider>
    </I18nProvider>
  );
}
