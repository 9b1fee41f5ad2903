/**
 * One post for staff: every field (both kinds), the consent flags (what the public sees),
 * contacts masked — police and admin may read them unmasked with a stated purpose, which the
 * server audits — the candidates with their explanations and review actions, and the timeline
 * of every workflow step (actor, role, time, reason).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, get, type Role } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { CandidatePanel } from './CandidatePanel.tsx';
import { useReunionText, type ReunionKey } from './i18n/messages.ts';
import { dateText, may, mayBeMinor } from './model.ts';
import { ReunionError } from './Notices.tsx';
import { ConsentPanel, PhotoUpload, StateActions } from './PostPanels.tsx';
import { TimelineTable } from './TimelineTable.tsx';
import { CONSENT_FIELDS, type ConsentField, type Contact, type PostView, type Timeline } from './types.ts';

/** Post `id` for staff; `back` is the hash of the list it was opened from. */
export function PostDetail({ id, back }: { id: string; back: string }) {
  const tx = useReunionText();
  const { lang } = useI18n();
  const { user } = useSession();
  const enc = encodeURIComponent(id);
  const post = useApiGet<PostView>(`/api/reunion/posts/${enc}`);
  const timeline = useApiGet<Timeline>(`/api/reunion/posts/${enc}/timeline`);
  const refresh = () => {
    post.reload();
    timeline.reload();
  };
  const p = post.data;
  return (
    <div className="page reunion">
      <div className="page-head">
        <a className="btn btn-small" href={back}>{tx('backToList')}</a>
      </div>
      {post.error && <ReunionError error={post.error} onRetry={post.reload} />}
      {post.loading && !p && <Loading />}
      {p && (
        <>
          <div className="reu-post-head" data-testid="post-head">
            <h1>{p.name ?? p.nickname ?? tx('nameUnknown')}</h1>
            <span className={`reu-kind reu-kind-${p.kind}`}>{tx(`kind.${p.kind}`)}</span>
            <span className={`reu-state reu-state-${p.status}`} data-testid="post-state">{tx(`status.${p.status}`)}</span>
            <span className="muted mono">{p.id}</span>
            <StateActions post={p} role={user?.role ?? 'viewer'} onChanged={refresh} />
          </div>
          <div className="reu-detail-grid">
            <section className="panel" data-testid="post-fields">
              <h2 className="panel-title">{tx('fields')}</h2>
              <FieldTable post={p} lang={lang} />
            </section>
            <div className="reu-col">
              <ConsentPanel key={p.consent ? JSON.stringify(p.consent) : ''} post={p} role={user?.role ?? 'viewer'} onSaved={post.reload} />
              <ContactsPanel post={p} role={user?.role ?? 'viewer'} />
              {may(user?.role ?? 'viewer', 'reunion.post.write') && <PhotoUpload post={p} />}
            </div>
          </div>
          <CandidatePanel postId={p.id} kind={p.kind} onChanged={refresh} />
          <section className="panel" data-testid="timeline">
            <h2 className="panel-title">{tx('timeline')}</h2>
            {timeline.error && <ReunionError error={timeline.error} onRetry={timeline.reload} />}
            {timeline.data && <TimelineTable events={timeline.data.events} />}
          </section>
        </>
      )}
    </div>
  );
}

/** The consent flag of a displayed field, or null. */
function consentOf(k: ReunionKey): ConsentField | null {
  const f = k === 'fieldName' ? 'name' : k;
  return (CONSENT_FIELDS as readonly string[]).includes(f) ? (f as ConsentField) : null;
}

function FieldTable({ post: p, lang }: { post: PostView; lang: 'zh-CN' | 'en' }) {
  const tx = useReunionText();
  const minor = mayBeMinor(p.birthDate, new Date());
  const marks = [p.marks.text, ...p.marks.items.map((m) => `${m.bodyPart}${m.description}`)].filter((s) => s.trim()).join('；');
  const rows: [ReunionKey, string][] = [
    ['sex', p.sex ? tx(`sex.${p.sex}`) : '—'],
    ['fieldName', [p.name, p.nameUnknown ? tx('nameUnknown') : ''].filter(Boolean).join(' ') || '—'],
    ['nickname', p.nickname ?? '—'],
    ['formerName', p.formerName ?? '—'],
    ['birthDate', dateText(p.birthDate, lang) || '—'],
    ['lossDate', dateText(p.lossDate, lang) || '—'],
    ['lostAt', p.lostAt ? formatInstant(p.lostAt, lang) : '—'],
    ['lossPlace', p.lossPlace ? `${p.lossPlace.divisionCode} ${p.lossPlace.text}` : '—'],
    ['heightCm', p.heightCm != null ? tx('cm', { n: p.heightCm }) : '—'],
    ['marks', marks || '—'],
    ['dialect', p.dialect ?? '—'],
    ['memories', p.memories || '—'],
    ['relatives', p.relatives.join('、') || '—'],
    ['dnaStatus', tx(`dna.${p.dnaStatus}` as ReunionKey)],
    ['policeCaseNo', p.policeCaseNo ?? '—'],
    ['postedOn', p.postedOn],
    ['createdBy', `${p.createdBy} · ${formatInstant(p.createdAt, lang)}`],
  ];
  return (
    <dl className="reu-dl reu-dl-wide">
      {rows.map(([k, v]) => (
        <div key={k} data-field={k}>
          <dt>{tx(k)}</dt>
          <dd>{v}{v !== '—' && consentOf(k) && p.consent[consentOf(k)!] && <span className="tag tag-ok reu-pub">{k === 'lossPlace' && minor ? tx('publishedDivision') : tx('published')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

function ContactTable({ contacts }: { contacts: readonly Contact[] }) {
  const tx = useReunionText();
  return (
    <table className="table">
      <thead><tr><th>{tx('fieldName')}</th><th>{tx('relation')}</th><th>{tx('phone')}</th><th>{tx('address')}</th></tr></thead>
      <tbody>
        {contacts.map((c, i) => (
          <tr key={i}><td>{c.name}</td><td>{c.relation}</td><td className="mono">{c.phone ?? '—'}</td><td>{c.address ?? '—'}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

function ContactsPanel({ post, role }: { post: PostView; role: Role }) {
  const tx = useReunionText();
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState<readonly Contact[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function reveal(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await get<{ contacts: Contact[] }>(`/api/reunion/posts/${encodeURIComponent(post.id)}/contacts`, { purpose, legalBasis });
      setFull(r.contacts);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  return (
    <section className="panel" data-testid="contacts">
      <h2 className="panel-title">{tx('contacts')}</h2>
      {post.contacts.length === 0 ? <div className="muted">{tx('noContacts')}</div> : (
        <>
          <div className="muted small">{tx('contactsMasked')}</div>
          <ContactTable contacts={post.contacts} />
          {may(role, 'reunion.contact.read') && !full && (
            open ? (
              <form className="reu-form" onSubmit={reveal} data-testid="reveal-form">
                <label className="field"><span className="field-label">{tx('purpose')}</span><input name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} /></label>
                <label className="field"><span className="field-label">{tx('legalBasis')}</span><input name="legalBasis" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} /></label>
                {error && <ReunionError error={error} />}
                <div className="form-actions">
                  <button type="button" className="btn" onClick={() => setOpen(false)}>{tx('cancel')}</button>
                  <button type="submit" className="btn btn-primary">{tx('reveal')}</button>
                </div>
              </form>
            ) : <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>{tx('revealContacts')}</button>
          )}
          {full && (
            <div className="reu-unmasked" data-testid="contacts-unmasked">
              <div className="small">{tx('unmasked')}</div>
              <ContactTable contacts={full} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
