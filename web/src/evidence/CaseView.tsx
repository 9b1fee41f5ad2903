/**
 * One case file: the gate banner and the stage selector, the printable stage-gate report
 * (blocking gaps, warnings, overridden findings, checklist, contradictions side by side, the
 * override trail), the evidence items, and the form to attach a missing item. The report is
 * what prints (print CSS hides the navigation and the forms).
 */
import { useEffect, useState } from 'react';
import { ApiError, get } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { AttachItemForm } from './AttachItemForm.tsx';
import { FindingList } from './FindingList.tsx';
import { formatInstant } from './itemForm.ts';
import { useEvidenceText, type EvidenceKey } from './i18n/messages.ts';
import type { CaseFileView, Stage, StandardsInfo } from './types.ts';

/** One case file with its stage-gate report at the selected stage (default: the case's stage). */
export function CaseView({ caseNo, standards }: { caseNo: string; standards: StandardsInfo | null }) {
  const tx = useEvidenceText();
  const { lang, pick } = useI18n();
  const [stage, setStage] = useState<Stage | ''>('');
  const [view, setView] = useState<CaseFileView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    get<CaseFileView>(`/api/evidence/cases/${encodeURIComponent(caseNo)}`, { stage: stage || undefined }, ctrl.signal)
      .then(setView)
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? e : null);
      });
    return () => ctrl.abort();
  }, [caseNo, stage]);

  if (error) return <div className="notice notice-error">{pick(error.bilingual)}</div>;
  if (!view) return <div className="muted">…</div>;
  const r = view.report;
  const L = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh);
  const stageLabel = L(r.stageLabel);
  const kindLabel = (k: string) => (standards?.kinds[k] ? L(standards.kinds[k]!) : k);
  const stageName = (s: string) => {
    const st = standards?.stages.find((x) => x.stage === s);
    return st ? L(st) : s;
  };
  const onChange = (v: CaseFileView) => setView(v);
  const when = (iso: string) => formatInstant(iso, lang);

  return (
    <div className="page evidence">
      <div className="page-head no-print">
        <a href="#/evidence" className="btn btn-small">{tx('back')}</a>
        <label className="ev-row">
          {tx('checkAt')}
          <select name="stage" value={stage || r.stage} onChange={(e) => setStage(e.target.value as Stage)}>
            {(standards?.stages ?? []).map((s) => <option key={s.stage} value={s.stage}>{L(s)}</option>)}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => window.print()}>{tx('print')}</button>
      </div>

      <article className="ev-report" data-testid="stage-gate-report">
        <header>
          <h1>{tx('reportTitle')} · {r.caseNo}</h1>
          <div className="ev-title">{r.title}</div>
          <div className="muted small">
            {tx('standards')}: {r.standards.map((s) => `${L(s)} v${s.version}`).join('；')} · {tx('general')} v{r.generalVersion}
          </div>
          <div className="muted small">{tx('stageStandard')}: {L(r.stageStandard)} — {r.stageStandard.sourceTitle} {r.stageStandard.source.clause}</div>
        </header>
        <div className={`notice ${r.passed ? 'notice-ok' : 'notice-error'} ev-gate`} data-testid="gate-banner" data-passed={String(r.passed)}>
          {r.passed ? tx('gatePassed', { stage: stageLabel }) : tx('gateBlocked', { stage: stageLabel, n: r.blocking.length })}
        </div>

        <FindingList findings={r.blocking} kind="blocking" caseNo={caseNo} stage={r.stage} onChange={onChange} />
        <FindingList findings={r.warnings} kind="warnings" caseNo={caseNo} stage={r.stage} onChange={onChange} />
        <FindingList findings={r.overridden} kind="overridden" caseNo={caseNo} stage={r.stage} onChange={onChange} />

        <section className="panel" data-testid="contradictions">
          <h2 className="panel-title">{tx('contradictions')} ({r.contradictions.length})</h2>
          {r.contradictions.length === 0 ? <div className="muted">{tx('none')}</div> : (
            <table className="table">
              <thead><tr><th>{tx('fact')}</th><th>A</th><th>B</th><th>{tx('rule')}</th></tr></thead>
              <tbody>
                {r.contradictions.map((f) => {
                  const [a, b] = f.itemKeys;
                  const item = (k: string | undefined) => view.file.items.find((i) => i.key === k);
                  return (
                    <tr key={f.key} data-rule={f.ruleId}>
                      <td>{tx(`fact.${f.contradiction!.fact}` as EvidenceKey)}</td>
                      <td className="ev-side"><b className="mono">{a}</b> {item(a)?.title}<div className="ev-value">{f.contradiction!.values[a!]}</div></td>
                      <td className="ev-side"><b className="mono">{b}</b> {item(b)?.title}<div className="ev-value">{f.contradiction!.values[b!]}</div></td>
                      <td className="mono">{f.ruleId}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>

        <section className="panel" data-testid="checklist">
          <h2 className="panel-title">{tx('checklist')}</h2>
          <table className="table">
            <thead><tr><th>{tx('rule')}</th><th>{tx('element')}</th><th>{tx('requirement')}</th><th>{tx('requiredFrom')}</th><th>{tx('status')}</th><th>{tx('items')}</th><th>{tx('source')}</th></tr></thead>
            <tbody>
              {r.checklist.map((e) => (
                <tr key={`${e.charge}-${e.ruleId}`} data-rule={e.ruleId} data-status={e.status} className={e.due ? '' : 'ev-notdue'}>
                  <td className="mono">{e.ruleId}</td>
                  <td>{e.element ? tx(`element.${e.element}` as EvidenceKey) : '—'}</td>
                  <td>{lang === 'en' ? e.textEn : e.text}</td>
                  <td>{stageName(e.requiredFrom)}</td>
                  <td><span className={`ev-badge ev-${e.status}`}>{tx(`status.${e.status}` as EvidenceKey)}</span>{!e.due && <span className="muted small"> {tx('notYet')}</span>}</td>
                  <td className="mono">{e.itemKeys.join(', ')}</td>
                  <td className="ev-source">{e.sourceTitle}<br /><span className="muted small">{e.source.clause}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="panel" data-testid="override-trail">
          <h2 className="panel-title">{tx('trail')} ({view.overrides.length})</h2>
          {view.overrides.length === 0 ? <div className="muted">{tx('none')}</div> : (
            <table className="table">
              <thead><tr><th>{tx('at')}</th><th>{tx('officer')}</th><th>{tx('rule')}</th><th>{tx('stage')}</th><th>{tx('reason')}</th><th>{tx('auditSeq')}</th></tr></thead>
              <tbody>
                {view.overrides.map((o) => (
                  <tr key={`${o.findingKey}-${o.at}`}><td>{when(o.at)}</td><td>{o.officer}</td><td className="mono">{o.ruleId}</td><td>{stageName(o.stage)}</td><td>{o.reason}</td><td className="num">{o.auditSeq}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="panel" data-testid="items">
          <h2 className="panel-title">{tx('evidence')} ({view.file.items.length})</h2>
          <table className="table">
            <thead><tr><th>#</th><th>{tx('kind')}</th><th>{tx('itemTitle')}</th><th>{tx('collector')}</th><th>{tx('collectedAt')}</th><th>{tx('custody')}</th></tr></thead>
            <tbody>
              {view.file.items.map((i) => (
                <tr key={i.key} data-item={i.key}>
                  <td className="mono">{i.key}</td>
                  <td>{kindLabel(i.kind)}</td>
                  <td>{i.title}{r.excludedItems.includes(i.key) && <span className="ev-badge ev-missing"> {tx('excluded')}</span>}</td>
                  <td>{i.collector}</td>
                  <td>{when(i.collectedAt)}</td>
                  <td>{i.custody.map((c) => `${c.fromHolder}→${c.toHolder}`).join('；') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </article>

      <AttachItemForm caseNo={caseNo} keys={view.file.items.map((i) => i.key)} kinds={standards?.kinds ?? {}} onAttached={onChange} />
    </div>
  );
}
