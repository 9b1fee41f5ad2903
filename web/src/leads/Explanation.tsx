/**
 * The explanation panel of the network view: for a node, its masked person, province, hop, the
 * role with the rule that gave it (its sentence and the flow values it was judged on) and its
 * relations; for an edge, its kind, parcels, first/last time and screening flags. Both list their
 * evidence parcel ids and load the masked parcels on request (GET …/parcels, audited).
 */
import { useState } from 'react';
import { get } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { ErrorNotice } from '../app/Status.tsx';
import { useI18n } from '../i18n/index.ts';
import { useAction } from './CaseTab.tsx';
import { useLeadsText, type LeadsKey } from './i18n/messages.ts';
import { EvidenceTable } from './LeadDetail.tsx';
import type { GraphPick } from './NetworkChart.tsx';
import { ROLE_COLOURS } from './network.ts';
import type { EvidenceParcel, NetworkView } from './types.ts';

const NEIGHBOURS_SHOWN = 12;

function Evidence({ caseNo, ids, total }: { caseNo: string; ids: readonly number[]; total: number }) {
  const tx = useLeadsText();
  const [rows, setRows] = useState<EvidenceParcel[] | null>(null);
  const act = useAction();
  const load = async () => {
    const r = await act.run(() => get<{ parcels: EvidenceParcel[] }>(`/api/leads/cases/${encodeURIComponent(caseNo)}/parcels`, { ids: ids.join(',') }));
    if (r) setRows(r.parcels);
  };
  return (
    <div className="ld-ev">
      <div className="small"><b>{tx('evidenceIds', { shown: ids.length, total })}</b></div>
      <div className="mono small ld-ids" data-testid="explain-evidence-ids">{ids.join(', ')}</div>
      {!rows && ids.length > 0 && <button type="button" className="btn btn-small" data-action="load-evidence" disabled={act.busy} onClick={() => void load()}>{tx('loadEvidence')}</button>}
      {act.error && <ErrorNotice error={act.error} />}
      {rows && <EvidenceTable rows={rows} testId="explain-evidence" compact />}
    </div>
  );
}

export function Explanation({ pick, view, caseNo, roleLabels, onExpand, onPick }: {
  pick: GraphPick; view: NetworkView; caseNo: string; roleLabels: Readonly<Record<string, string>>; onExpand: (nodeKey: string) => void; onPick: (p: GraphPick) => void;
}) {
  const tx = useLeadsText();
  const { lang, num } = useI18n();
  const byKey = new Map(view.nodes.map((n) => [n.key, n]));
  const label = (key: string) => {
    const n = byKey.get(key);
    return n ? `${n.name ?? ''} ${n.phone ?? ''}`.trim() || key : key;
  };
  const when = (iso: string | null) => (iso ? formatInstant(iso, lang) : '—');

  if (pick.type === 'node') {
    const n = byKey.get(pick.key);
    if (!n) return null;
    const role = n.role ?? 'none';
    const edges = view.edges.filter((e) => e.source === n.key || e.target === n.key).sort((a, b) => b.weight - a.weight);
    return (
      <div className="ld-explain-body" data-testid="explain-node" data-key={n.key} data-role={role}>
        <h3>{tx('node')} · <span className="ld-role-chip"><i style={{ background: ROLE_COLOURS[role] ?? ROLE_COLOURS.none }} />{roleLabels[role] ?? role}</span></h3>
        <dl className="ld-dl">
          <dt>{tx('name')}</dt><dd>{n.name ?? '—'}</dd>
          <dt>{tx('phone')}</dt><dd className="mono">{n.phone ?? '—'}</dd>
          <dt>{tx('key')}</dt><dd className="mono small">{n.key}</dd>
          <dt>{tx('province')}</dt><dd>{n.province ?? '—'}</dd>
          <dt>{tx('hop')}</dt><dd>{n.hop}</dd>
          <dt>{tx('idsBehind')}</dt><dd>{n.idsBehind}</dd>
        </dl>
        <h4>{tx('roleWhy')}</h4>
        <p className="ld-why" data-testid="explain-role-reason">{lang === 'en' ? n.roleReason : n.roleReasonZh}</p>
        <table className="table ld-inner" data-testid="explain-values">
          <thead><tr><th>{tx('values')}</th><th className="num" /></tr></thead>
          <tbody>
            {Object.entries(n.roleValues).map(([k, v]) => <tr key={k}><td className="mono small">{k}</td><td className="num">{num(v, Number.isInteger(v) ? 0 : 2)}</td></tr>)}
          </tbody>
        </table>
        <h4>{tx('edge')} ({edges.length})</h4>
        <ul className="ld-neighbours">
          {edges.slice(0, NEIGHBOURS_SHOWN).map((e) => {
            const other = e.source === n.key ? e.target : e.source;
            const roleOther = byKey.get(other)?.role ?? 'none';
            return (
              <li key={e.id}>
                <button type="button" className="ld-link" onClick={() => onPick({ type: 'edge', id: e.id })}>
                  {e.source === n.key ? '→' : '←'} <i className="ld-dot" style={{ background: ROLE_COLOURS[roleOther] }} />{label(other)} · {tx('parcelCount', { n: e.weight })}{e.flagged ? ` · ⚠${e.flagged}` : ''}
                </button>
              </li>
            );
          })}
        </ul>
        <Evidence caseNo={caseNo} ids={n.evidence} total={n.evidenceCount} />
        <div className="ld-actions"><button type="button" className="btn btn-small" data-action="expand-node" onClick={() => onExpand(n.key)}>{tx('expandHere')}</button></div>
      </div>
    );
  }
  const e = view.edges.find((x) => x.id === pick.id);
  if (!e) return null;
  return (
    <div className="ld-explain-body" data-testid="explain-edge" data-edge={e.id}>
      <h3>{tx('edge')} · {tx(`kind.${e.kind}` as LeadsKey)}</h3>
      <dl className="ld-dl">
        <dt>{tx('source')}</dt><dd><button type="button" className="ld-link" onClick={() => onPick({ type: 'node', key: e.source })}>{label(e.source)}</button></dd>
        <dt>{tx('target')}</dt><dd><button type="button" className="ld-link" onClick={() => onPick({ type: 'node', key: e.target })}>{label(e.target)}</button></dd>
        <dt>{tx('parcels')}</dt><dd>{e.weight}</dd>
        <dt>{tx('firstSeen')}</dt><dd>{when(e.firstSeen)}</dd>
        <dt>{tx('lastSeen')}</dt><dd>{when(e.lastSeen)}</dd>
        {e.flagged > 0 && <><dt>{tx('flagged')}</dt><dd><span className="tag tag-alert">{tx('flaggedN', { n: e.flagged })}</span></dd></>}
      </dl>
      <Evidence caseNo={caseNo} ids={e.evidence} total={e.evidenceCount} />
    </div>
  );
}
