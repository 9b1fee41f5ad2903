/**
 * Early-warning board (#/disputes/warnings): clusters of recent appeals from
 * GET /api/disputes/early-warning (MinHash/LSH near-duplicates joined on named companies,
 * estates and projects) with size, top terms, entities, projects, highest risk, member appeals
 * (each opens its workbench) and the growth alert with its reason; and the land-requisition
 * project register (GET /api/disputes/projects).
 */
import { useState } from 'react';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useDisputesText } from './i18n/messages.ts';
import './disputes.css';

interface Cluster {
  size: number; topTerms: string[]; entities: string[]; projects: string[]; divisions: string[];
  representative: { appealNo: string; title: string }; appealNos: string[]; firstAt: string; lastAt: string; maxRisk: number;
  alert: { count: number; previousCount: number; reason: string } | null;
}
interface Project { code: string; name: string; divisionCode: string; households: number; compensatedHouseholds: number; compensationStatus: string; appeals: number }

/** The early-warning board and the project register. */
export function WarningPage() {
  const tx = useDisputesText();
  const [days, setDays] = useState('30');
  const [windowDays, setWindowDays] = useState('7');
  const [minCount, setMinCount] = useState('5');
  const warn = useApiGet<{ appeals: number; alerts: number; clusters: Cluster[] }>('/api/disputes/early-warning', { days, windowDays, minCount });
  const projects = useApiGet<{ projects: Project[] }>('/api/disputes/projects');
  const num = (label: Parameters<typeof tx>[0], v: string, set: (s: string) => void, name: string) => (
    <label>{tx(label)} <input name={name} type="number" min={1} className="dsp-num" value={v} onChange={(e) => set(e.target.value)} /></label>
  );
  return (
    <div className="page disputes">
      <div className="page-head"><h1>{tx('warnTitle')}</h1></div>
      <p className="muted">{tx('warnIntro')}</p>
      <section className="panel">
        <div className="dsp-toolbar">
          <h2>{tx('clusters')}</h2>
          {num('days', days, setDays, 'days')}
          {num('windowDays', windowDays, setWindowDays, 'windowDays')}
          {num('minCount', minCount, setMinCount, 'minCount')}
          {warn.data && <span className="muted small">{tx('appealsCol')} {warn.data.appeals} · {tx('alert')} {warn.data.alerts}</span>}
        </div>
        {warn.error && <ErrorNotice error={warn.error} onRetry={warn.reload} />}
        {warn.loading && !warn.data && <Loading />}
        {warn.data && warn.data.clusters.length === 0 && <div className="muted">{tx('noClusters')}</div>}
        {warn.data && warn.data.clusters.length > 0 && (
          <div className="table-scroll">
            <table className="table" data-testid="clusters">
              <thead><tr><th>{tx('alert')}</th><th>{tx('size')}</th><th>{tx('appealTitle')}</th><th>{tx('topTerms')}</th><th>{tx('entities')}</th><th>{tx('projectsCol')}</th><th>{tx('maxRisk')}</th><th>{tx('span')}</th><th>{tx('appealsCol')}</th></tr></thead>
              <tbody>
                {warn.data.clusters.map((c) => (
                  <tr key={c.representative.appealNo} className={c.alert ? 'dsp-alert-row' : ''}>
                    <td>{c.alert ? <span className="dsp-bad" title={c.alert.reason}>▲ {c.alert.previousCount} → {c.alert.count}<div className="small">{c.alert.reason}</div></span> : '—'}</td>
                    <td>{c.size}</td>
                    <td>{c.representative.title}</td>
                    <td className="small">{c.topTerms.join('、')}</td>
                    <td className="small">{c.entities.join('、') || '—'}</td>
                    <td className="small mono">{c.projects.join(' ') || '—'}</td>
                    <td><span className={`dsp-risk ${c.maxRisk >= 60 ? 'dsp-risk-high' : c.maxRisk >= 30 ? 'dsp-risk-medium' : ''}`}>{c.maxRisk}</span></td>
                    <td className="small">{c.firstAt.slice(0, 10)} – {c.lastAt.slice(0, 10)}</td>
                    <td className="small">
                      <details><summary>{c.appealNos.length}</summary>
                        {c.appealNos.map((n) => <div key={n}><a className="mono" href={`#/disputes?appeal=${encodeURIComponent(n)}`}>{n}</a></div>)}
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel">
        <h2>{tx('projects')}</h2>
        {projects.error && <ErrorNotice error={projects.error} onRetry={projects.reload} />}
        {projects.loading && !projects.data && <Loading />}
        {projects.data && projects.data.projects.length === 0 && <div className="muted">{tx('none')}</div>}
        {projects.data && projects.data.projects.length > 0 && (
          <table className="table" data-testid="projects">
            <thead><tr><th>{tx('appealNo')}</th><th>{tx('appealTitle')}</th><th>{tx('division')}</th><th>{tx('households')}</th><th>{tx('compensated')}</th><th>{tx('compStatus')}</th><th>{tx('linked')}</th></tr></thead>
            <tbody>
              {projects.data.projects.map((p) => (
                <tr key={p.code} data-project={p.code}>
                  <td className="mono">{p.code}</td><td>{p.name}</td><td className="mono">{p.divisionCode}</td><td>{p.households}</td>
                  <td className={p.compensatedHouseholds < p.households ? 'dsp-bad' : ''}>{p.compensatedHouseholds}</td><td>{p.compensationStatus}</td><td>{p.appeals}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
