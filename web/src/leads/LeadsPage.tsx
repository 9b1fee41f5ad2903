/**
 * The leads page (#/leads): the user's cases and the form to open one, or — with `?case=<no>` in
 * the hash — the case workspace with its tabs (case, tag rules, lead review, network; `&tab=`).
 * Everything person-level happens inside the selected case; the server checks membership and
 * audits every read with the case number (src/apps/leads/access.ts).
 */
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useSession } from '../app/session.tsx';
import { formatInstant } from '../app/format.ts';
import { useI18n } from '../i18n/index.ts';
import { leadsAllowed } from '../../../src/apps/leads/policies.ts';
import { CaseTab, OpenCaseForm } from './CaseTab.tsx';
import { useLeadsText, type LeadsKey } from './i18n/messages.ts';
import { LeadsTab } from './LeadsTab.tsx';
import { NetworkTab } from './NetworkTab.tsx';
import { RulesTab } from './RulesTab.tsx';
import { caseHref, TABS, useHashQuery, type Tab } from './route.ts';
import type { CaseView } from './types.ts';
import './leads.css';

/** The leads page. */
export function LeadsPage() {
  const q = useHashQuery();
  const caseNo = q.get('case');
  const tab = (TABS as readonly string[]).includes(q.get('tab') ?? '') ? (q.get('tab') as Tab) : 'case';
  if (caseNo) return <Workspace caseNo={caseNo} tab={tab} seed={q.get('seed')} />;
  return <CaseList />;
}

function StateBadge({ c }: { c: CaseView }) {
  const tx = useLeadsText();
  return <span className={`ld-badge ${c.open ? 'ld-open' : 'ld-closed'}`}>{c.open ? tx('stateOpen') : tx('stateClosed')}</span>;
}

function CaseList() {
  const tx = useLeadsText();
  const { lang } = useI18n();
  const { user } = useSession();
  const { data, error, loading, reload } = useApiGet<{ cases: CaseView[] }>('/api/leads/cases');
  const mayOpen = leadsAllowed(user?.role ?? null, 'leads.case.open');
  return (
    <div className="page leads">
      <div className="page-head"><h1>{tx('title')}</h1></div>
      <p className="muted">{tx('intro')}</p>
      <section className="panel">
        <h2 className="panel-title">{tx('myCases')}</h2>
        {error && <ErrorNotice error={error} onRetry={reload} />}
        {loading && !data && <Loading />}
        {data && data.cases.length === 0 && <div className="empty" data-testid="leads-no-cases">{tx('noCases')}</div>}
        {data && data.cases.length > 0 && (
          <div className="table-scroll">
            <table className="table" data-testid="leads-case-list">
              <thead><tr><th>{tx('caseNo')}</th><th>{tx('purpose')}</th><th>{tx('legalBasis')}</th><th>{tx('owner')}</th><th>{tx('members')}</th><th>{tx('openedAt')}</th><th>{tx('state')}</th><th /></tr></thead>
              <tbody>
                {data.cases.map((c) => (
                  <tr key={c.caseNo} data-case={c.caseNo}>
                    <td className="mono nowrap">{c.caseNo}</td>
                    <td>{c.purpose}</td>
                    <td className="ld-basis">{c.legalBasis}</td>
                    <td>{c.owner}</td>
                    <td>{c.members.join('、')}</td>
                    <td className="nowrap">{formatInstant(c.openedAt, lang)}</td>
                    <td><StateBadge c={c} /></td>
                    <td><a className="btn btn-small" href={caseHref(c.caseNo, 'case')}>{tx('open')}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {mayOpen && <OpenCaseForm defaultOwner={user?.role === 'investigator' ? user.username : ''} onOpened={reload} />}
    </div>
  );
}

function Workspace({ caseNo, tab, seed }: { caseNo: string; tab: Tab; seed: string | null }) {
  const tx = useLeadsText();
  const { lang } = useI18n();
  const { data, error, loading, reload } = useApiGet<CaseView>(`/api/leads/cases/${encodeURIComponent(caseNo)}`);
  return (
    <div className="page leads">
      <div className="page-head">
        <a className="btn btn-small" href="#/leads">{tx('back')}</a>
        <h1 className="ld-case-title">
          <span className="mono">{caseNo}</span>
          {data && <StateBadge c={data} />}
        </h1>
      </div>
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <div className="ld-case-line muted small" data-testid="case-purpose">
            {tx('labelled', { label: tx('purpose'), value: data.purpose })} · {tx('labelled', { label: tx('legalBasis'), value: data.legalBasis })}
          </div>
          {!data.open && (
            <div className="notice notice-warn" data-testid="case-closed">
              {tx('closedBanner', { at: formatInstant(data.closedAt!, lang), by: data.closedBy ?? '', reason: data.closeReason ?? '' })}
            </div>
          )}
          <nav className="ld-tabs" aria-label="case">
            {TABS.map((t) => (
              <a key={t} href={caseHref(caseNo, t)} className={t === tab ? 'active' : ''} data-tab={t}>{tx(`tab.${t}` as LeadsKey)}</a>
            ))}
          </nav>
          {tab === 'case' && <CaseTab view={data} onChange={reload} />}
          {tab === 'rules' && <RulesTab caseView={data} />}
          {tab === 'leads' && <LeadsTab caseView={data} />}
          {tab === 'network' && <NetworkTab caseView={data} personKey={seed} />}
        </>
      )}
    </div>
  );
}
