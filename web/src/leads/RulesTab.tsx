/**
 * The tag rules tab (标签规则): every rule file with its condition, weight, expiry and YAML text;
 * a dry run over the selected rules (counts, warnings, errors, a masked sample; nothing stored),
 * then — only for rules whose dry-run counts were seen — the real run that stores tags.
 */
import { Fragment, useState } from 'react';
import { post } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { useAction } from './CaseTab.tsx';
import { useLeadsText } from './i18n/messages.ts';
import type { CaseView, RuleRunView, RuleView } from './types.ts';

/** Show a condition's actual value or threshold compactly. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

export function RulesTab({ caseView }: { caseView: CaseView }) {
  const tx = useLeadsText();
  const { lang, pick } = useI18n();
  const { data, error, loading, reload } = useApiGet<{ rules: RuleView[] }>('/api/leads/rules');
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const [shown, setShown] = useState<Set<string>>(new Set());
  const [dried, setDried] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<RuleRunView | null>(null);
  const act = useAction();
  const rules = data?.rules ?? [];
  const sel = selected ?? new Set(rules.filter((r) => r.enabled).map((r) => r.id));
  const ids = rules.filter((r) => sel.has(r.id)).map((r) => r.id);
  const mayRun = ids.length > 0 && ids.every((id) => dried.has(id)) && caseView.open;
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const runRules = async (dryRun: boolean) => {
    const r = await act.run(() => post<RuleRunView>(`/api/leads/cases/${encodeURIComponent(caseView.caseNo)}/rules/run`, { dryRun, ruleIds: ids }));
    if (r) {
      setResult(r);
      if (dryRun) setDried(new Set([...dried, ...r.rules.map((x) => x.ruleId)]));
    }
  };
  const byRule = new Map(result?.rules.map((r) => [r.ruleId, r]) ?? []);

  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  return (
    <div className="ld-rules" data-testid="rules-tab">
      <p className="muted">{tx('rulesIntro')}</p>
      <section className="panel">
        <table className="table" data-testid="rules-table">
          <thead>
            <tr><th>{tx('selectRules')}</th><th>{tx('rule')}</th><th>{tx('condition')}</th><th className="num">{tx('weight')}</th><th>{tx('expiry')}</th><th>{tx('enabled')}</th>
              <th className="num">{tx('hits')}</th><th className="num">{tx('stored')}</th><th className="num">{tx('ms')}</th></tr>
          </thead>
          <tbody>
            {rules.map((r) => {
              const res = byRule.get(r.id);
              return (
                <Fragment key={r.id}>
                  <tr data-rule={r.id}>
                    <td><input type="checkbox" name={`rule-${r.id}`} checked={sel.has(r.id)} onChange={() => setSelected(toggle(sel, r.id))} /></td>
                    <td>
                      <div><b>{lang === 'en' ? r.name.en : r.name.zh}</b></div>
                      <div className="mono muted">{r.id} v{r.version}</div>
                      <button type="button" className="btn btn-small ld-link" onClick={() => setShown(toggle(shown, r.id))}>{tx('showText')}</button>
                    </td>
                    <td className="ld-when"><div>{r.description}</div><code className="mono ld-code">{r.when}</code></td>
                    <td className="num">{r.weight}</td>
                    <td className="mono">{r.expiry}</td>
                    <td>{r.enabled ? '✓' : '—'}</td>
                    <td className="num" data-hits={res?.hits ?? ''}>{res ? res.hits : ''}</td>
                    <td className="num">{res && !result?.dryRun ? res.stored : ''}</td>
                    <td className="num">{res ? res.ms : ''}</td>
                  </tr>
                  {shown.has(r.id) && (
                    <tr className="ld-subrow"><td /><td colSpan={8}><div className="muted small">{r.file}</div><pre className="ld-yaml" data-testid={`rule-text-${r.id}`}>{r.text}</pre></td></tr>
                  )}
                  {res && (res.errors.length > 0 || res.warnings.length > 0) && (
                    <tr className="ld-subrow"><td /><td colSpan={8}>
                      {res.errors.map((i) => <div key={i.code} className="msg msg-error">{pick(i)} <code className="code">{i.code}</code></div>)}
                      {res.warnings.map((i) => <div key={i.code} className="msg msg-warning">{pick(i)} <code className="code">{i.code}</code></div>)}
                    </td></tr>
                  )}
                  {res && result?.dryRun && res.sample.length > 0 && (
                    <tr className="ld-subrow"><td /><td colSpan={8}>
                      <div className="small muted">{tx('sample')} · {tx('actual')} / {tx('threshold')}</div>
                      <table className="table ld-inner">
                        <tbody>
                          {res.sample.slice(0, 5).map((s) => (
                            <tr key={s.personKey}><td className="mono">{s.personKey}</td>
                              <td>{s.conditions.map((c) => `${showValue(c.actual)} / ${showValue(c.threshold)}`).join('；')}</td>
                              <td className="mono small">{s.evidence.slice(0, 8).join(', ')}</td></tr>
                          ))}
                        </tbody>
                      </table>
                    </td></tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        <div className="ld-actions">
          <button type="button" className="btn" data-action="dry-run" disabled={act.busy || ids.length === 0 || !caseView.open} onClick={() => void runRules(true)}>{act.busy ? tx('running') : tx('dryRun')}</button>
          <button type="button" className="btn btn-primary" data-action="run" disabled={act.busy || !mayRun} onClick={() => void runRules(false)}>{tx('run')}</button>
          {!mayRun && ids.length > 0 && caseView.open && <span className="muted small">{tx('runNeedsDry')}</span>}
        </div>
        {act.error && <ErrorNotice error={act.error} />}
        {result && (
          <div className={`notice ${result.dryRun ? 'notice-info' : 'notice-ok'}`} data-testid="run-result" data-dry={String(result.dryRun)}>
            {result.dryRun
              ? tx('dryResult', { subjects: result.subjects, asOf: formatInstant(result.asOf, lang) })
              : tx('runResult', { runId: result.runId ?? '', subjects: result.subjects, asOf: formatInstant(result.asOf, lang) })}
          </div>
        )}
      </section>
    </div>
  );
}
