/**
 * The mediator workbench of one appeal (#/disputes?appeal=<no>): the suggested category with its
 * confidence and reason terms (and the operator's correction), routing with its reasons and
 * candidates, risk reasons, the three SLA clocks, parties masked unless a purpose is stated
 * (the server audits the full read), the state machine's available actions, sessions, the
 * agreement with its printable 人民调解协议书, follow-ups, and the timeline (actor, time,
 * reason, from → to).
 */
import { useState } from 'react';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionsPanel, AgreementForm, Attachments, CorrectionForm, FollowUpForm, SessionForm } from './CaseForms.tsx';
import { useDisputesText } from './i18n/messages.ts';
import type { AppealView, SlaVerdict, TimelineEntry } from './types.ts';

/** One appeal with everything a mediator acts on. */
export function AppealWorkbench({ appealNo }: { appealNo: string }) {
  const tx = useDisputesText();
  const { pick } = useI18n();
  const [purpose, setPurpose] = useState('');
  const [asked, setAsked] = useState('');
  const path = `/api/disputes/appeals/${encodeURIComponent(appealNo)}`;
  const view = useApiGet<AppealView>(path, { purpose: asked || undefined });
  const timeline = useApiGet<{ timeline: TimelineEntry[] }>(`${path}/timeline`);
  const reload = () => {
    view.reload();
    timeline.reload();
  };
  const v = view.data;
  return (
    <div className="page disputes">
      <div className="page-head">
        <a className="btn btn-small" href="#/disputes">← {tx('back')}</a>
        <h1><span className="mono">{appealNo}</span> {v?.title}</h1>
        {v && <span className={`dsp-state dsp-state-${v.state}`} data-testid="state">{pick({ message: v.stateLabel.zh, messageEn: v.stateLabel.en })}</span>}
      </div>
      {view.error && <ErrorNotice error={view.error} onRetry={view.reload} />}
      {view.loading && !v && <Loading />}
      {v && (
        <div className="dsp-cols">
          <div className="dsp-main">
            <section className="panel">
              <p className="dsp-text">{v.text}</p>
              <div className="muted small">{tx('divisionName')}: {v.divisionName ?? v.divisionCode} · {tx('place')}: {v.place ?? '—'} · {tx('channel')}: {tx(`channel.${v.channel}` as 'channel.web')} · {tx('received')}: {v.receivedAt.replace('T', ' ').slice(0, 16)}</div>
            </section>
            <section className="panel" data-testid="suggestion">
              <h2>{tx('suggestion')}</h2>
              <div><strong data-testid="category">{v.categoryLabel ? pick({ message: v.categoryLabel.zh, messageEn: v.categoryLabel.en }) : v.category}</strong> <span className="muted small mono">{v.category}</span></div>
              {v.suggestion.classifier && (
                <div className="small">
                  {v.suggestion.classifier.category} · {tx('confidence', { p: Math.round(v.suggestion.classifier.confidence * 100) })}
                  {' · '}{tx('reasonTerms')}: {v.suggestion.classifier.reasons.slice(0, 6).map((r) => r.term).join('、') || '—'}
                </div>
              )}
              {v.suggestion.disputeType?.type && <div className="small">{tx('disputeType')}: {v.suggestion.disputeType.type} ({(v.suggestion.disputeType.words ?? []).join(' · ')})</div>}
              {v.available.length > 0 && <CorrectionForm appealNo={appealNo} current={v.category} onDone={reload} />}
            </section>
            <section className="panel" data-testid="routing">
              <h2>{tx('routing')}</h2>
              <div><strong data-testid="org">{v.org ? `${v.org.name} (${v.org.code})` : tx('noOrg')}</strong></div>
              <ul className="dsp-reasons">{v.routing?.reasons.map((r, i) => <li key={i}>{pick({ message: r.zh, messageEn: r.en })}</li>)}</ul>
              {v.routing && v.routing.candidates.length > 1 && (
                <details><summary>{tx('candidates')} ({v.routing.candidates.length})</summary>
                  <ol className="small">{v.routing.candidates.map((c) => <li key={c.orgCode}>{c.name} — {tx('load', { load: c.load, cap: c.capacity })}</li>)}</ol>
                </details>
              )}
            </section>
            <ActionsPanel view={v} onDone={reload} />
            {(v.state === 'mediating' || v.state === 'accepted') && <SessionForm appealNo={appealNo} onDone={reload} />}
            {v.state === 'mediating' && !v.agreement && <AgreementForm appealNo={appealNo} onDone={reload} />}
            {v.agreement && (
              <section className="panel" data-testid="agreement">
                <h2>{tx('agreement')} <span className="muted small">{tx('agreementNo', { no: v.agreement.agreementNo })}</span></h2>
                <p>{v.agreement.facts}</p>
                <ol>{v.agreement.terms.map((t, i) => <li key={i}>{t}</li>)}</ol>
                <p className="small">{tx('performance')}: {v.agreement.performance} · {tx('mediator')}: {v.agreement.mediator}</p>
                <a className="btn btn-small" href={`${path}/agreement.html`} target="_blank" rel="noreferrer" data-testid="print-agreement">{tx('printAgreement')}</a>
              </section>
            )}
            {['agreement', 'closed', 'failed'].includes(v.state) && <FollowUpForm appealNo={appealNo} onDone={reload} />}
            <Timeline loaded={timeline} />
          </div>
          <aside className="dsp-side">
            <section className="panel" data-testid="sla">
              <h2>{tx('slaClocks')}</h2>
              {(['acceptance', 'firstContact', 'resolution'] as const).map((k) => <SlaClock key={k} name={tx(`sla.${k}`)} v={v.sla[k]} />)}
            </section>
            <section className="panel">
              <h2>{tx('risk')} <span className={`dsp-risk dsp-risk-${v.risk.level}`}>{v.risk.score}</span></h2>
              {v.risk.reasons.length === 0 ? <div className="muted small">{tx('none')}</div> : <ul className="dsp-reasons small">{v.risk.reasons.map((r, i) => <li key={i}>{r.code} +{r.points}: {r.evidence}</li>)}</ul>}
            </section>
            <section className="panel" data-testid="parties">
              <h2>{tx('parties')}</h2>
              {v.parties.length === 0 && <div className="muted small">{tx('none')}</div>}
              <ul className="small">{v.parties.map((p, i) => <li key={i}>{tx(`side.${p.side}` as 'side.applicant')}: {p.name}{p.phone ? ` · ${p.phone}` : ''}{p.address ? ` · ${p.address}` : ''}</li>)}</ul>
              {v.disclosure === 'masked' && v.parties.length > 0 && (
                <form onSubmit={(e) => { e.preventDefault(); setAsked(purpose); }}>
                  <div className="muted small">{tx('masked')}</div>
                  <input name="purpose" placeholder={tx('purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
                  <button type="submit" className="btn btn-small">{tx('showFull')}</button>
                </form>
              )}
            </section>
            <Attachments view={v} onDone={reload} />
            {v.followUps.length > 0 && (
              <section className="panel" data-testid="follow-ups">
                <h2>{tx('followUps')}</h2>
                <ul className="small">{v.followUps.map((f, i) => <li key={i}>{f.at.replace('T', ' ').slice(0, 16)} · {tx(f.resolved ? 'resolved' : 'notResolved')} · {f.satisfaction}/5 {f.note ?? ''}</li>)}</ul>
                {v.followUps.some((f) => !f.resolved) && v.state !== 'mediating' && <div className="notice notice-warn small">{tx('followUpNotResolved')}</div>}
              </section>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}

function SlaClock({ name, v }: { name: string; v: SlaVerdict }) {
  const tx = useDisputesText();
  const h = v.marginMs === null ? null : Math.round(Math.abs(v.marginMs) / 36e5);
  const bad = v.status === 'breached' || v.status === 'open_overdue';
  return (
    <div className={`dsp-clock ${bad ? 'dsp-bad' : ''}`}>
      <strong>{name}</strong> {tx(`status.${v.status}`)}
      {v.dueAt && <div className="muted small">{tx('due', { at: v.dueAt.replace('T', ' ').slice(0, 16) })}{v.status === 'open' && h !== null ? ` · ${tx('left', { h })}` : ''}{v.status === 'open_overdue' && h !== null ? ` · ${tx('overdueBy', { h })}` : ''}</div>}
    </div>
  );
}

function Timeline({ loaded }: { loaded: ReturnType<typeof useApiGet<{ timeline: TimelineEntry[] }>> }) {
  const tx = useDisputesText();
  const { pick } = useI18n();
  return (
    <section className="panel">
      <h2>{tx('timeline')}</h2>
      {loaded.error && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && (
        <table className="table" data-testid="timeline">
          <thead><tr><th>{tx('seq')}</th><th>{tx('at')}</th><th>{tx('transition')}</th><th>{tx('fromTo')}</th><th>{tx('actor')}</th><th>{tx('reason')}</th></tr></thead>
          <tbody>
            {loaded.data.timeline.map((e) => (
              <tr key={e.seq} data-transition={e.transition}>
                <td>{e.seq}</td>
                <td className="small">{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{pick({ message: e.label.zh, messageEn: e.label.en })}</td>
                <td className="mono small">{e.from ?? '—'} → {e.to}</td>
                <td>{e.actor}</td>
                <td>{e.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
