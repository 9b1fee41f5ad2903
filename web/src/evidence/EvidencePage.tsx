/**
 * The evidence page (#/evidence): the list of case files with the gate at each case's stage,
 * or, with `?case=<caseNo>` in the hash, that case file (CaseView).
 */
import { useHashQuery } from '../app/router.ts';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { CaseView } from './CaseView.tsx';
import { useEvidenceText } from './i18n/messages.ts';
import type { CaseSummary, StandardsInfo } from './types.ts';
import './evidence.css';

/** The evidence page: the case list, or the case named by `?case=` in the hash route. */
export function EvidencePage() {
  const caseNo = useHashQuery().get('case');
  const standards = useApiGet<StandardsInfo>('/api/evidence/standards');
  if (caseNo) return <CaseView caseNo={caseNo} standards={standards.data} />;
  return <CaseList standards={standards.data} />;
}

function CaseList({ standards }: { standards: StandardsInfo | null }) {
  const tx = useEvidenceText();
  const { lang, pick } = useI18n();
  const { data, error, loading } = useApiGet<{ cases: CaseSummary[] }>('/api/evidence/cases');
  const chargeName = (id: string) => {
    const c = standards?.charges.find((x) => x.id === id);
    return c ? (lang === 'en' ? c.name.en : c.name.zh) : id;
  };
  const stageName = (s: string) => {
    const st = standards?.stages.find((x) => x.stage === s);
    return st ? (lang === 'en' ? st.en : st.zh) : s;
  };
  return (
    <div className="page evidence">
      <div className="page-head">
        <h1>{tx('title')}</h1>
      </div>
      <p className="muted">{tx('intro')}</p>
      {error && <div className="notice notice-error">{pick(error.bilingual)}</div>}
      {loading && !data && <div className="muted">…</div>}
      {data && (
        <div className="panel table-scroll">
          <table className="table" data-testid="evidence-case-list">
            <thead>
              <tr><th>{tx('caseNo')}</th><th>{tx('cases')}</th><th>{tx('charges')}</th><th>{tx('stage')}</th><th>{tx('gate')}</th><th /></tr>
            </thead>
            <tbody>
              {data.cases.map((c) => (
                <tr key={c.caseNo} data-case={c.caseNo}>
                  <td className="mono">{c.caseNo}</td>
                  <td>{c.title}</td>
                  <td>{c.charges.map(chargeName).join('、')}</td>
                  <td>{stageName(c.stage)}</td>
                  <td>
                    <span className={`ev-badge ${c.passed ? 'ev-ok' : 'ev-bad'}`}>{c.passed ? tx('passed') : tx('blocked')}</span>{' '}
                    {!c.passed && <span className="muted small">{tx('blockingCount', { n: c.blocking })}</span>}
                    {c.warnings > 0 && <span className="muted small"> · {tx('warningCount', { n: c.warnings })}</span>}
                  </td>
                  <td><a className="btn btn-small" href={`#/evidence?case=${encodeURIComponent(c.caseNo)}`}>{tx('open')}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
