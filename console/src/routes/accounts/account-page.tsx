import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getJson } from '../../api';
import type { AccountDetail, TimelineItem } from '../../api-types';
import { HealthBadge } from '../../components/badges';
import { Brief } from '../../components/brief';
import {
  formatDateTime,
  formatDay,
  formatDaysUntil,
  formatMoney,
  formatRelative,
  humanize,
} from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';

/** One account: health and why, contacts, what happened, and the renewal brief. */
export default function AccountPage() {
  const { id = '' } = useParams();
  const account = useQuery({ queryKey: ['account', id], queryFn: () => getJson<AccountDetail>(`/accounts/${id}`) });
  return (
    <QueryView query={account}>
      {({ account: a, contacts, timeline, brief }) => (
        <>
          <p className="meta">
            <Link to="/accounts">Accounts</Link> / {a.external_id}
          </p>
          <PageHeader title={a.name} subtitle={<HealthBadge state={a.health_state} />} />
          <div className="grid grid-3">
            <div>
              <section className="card" aria-labelledby="health-h">
                <h2 id="health-h">Health</h2>
                {a.health_reasons.length === 0 ? (
                  <p className="meta">No reasons recorded yet: health updates as interviews and usage come in.</p>
                ) : (
                  <ul className="list">
                    {a.health_reasons.map((r, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id and never reorder
                      <li key={i}>
                        <strong>{r.label}</strong>
                        {r.detail ? <div className="meta">{r.detail}</div> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="card" aria-labelledby="brief-h">
                <h2 id="brief-h">Renewal brief</h2>
                {brief ? <Brief sections={brief.sections} /> : <Empty title="No renewal brief yet" />}
                {brief ? (
                  <p className="meta">
                    Version {brief.version} · {brief.mode === 'ai' ? 'AI' : humanize(brief.mode)} ·{' '}
                    {formatDateTime(brief.created_at)}
                  </p>
                ) : null}
              </section>
              <section className="card" aria-labelledby="timeline-h">
                <h2 id="timeline-h">Timeline</h2>
                {timeline.length === 0 ? (
                  <p className="meta">Nothing has happened on this account yet.</p>
                ) : (
                  <ol className="timeline">
                    {timeline.map((t) => (
                      <TimelineRow key={`${t.kind}-${t.id}`} item={t} />
                    ))}
                  </ol>
                )}
              </section>
            </div>
            <div>
              <section className="card" aria-labelledby="facts-h">
                <h2 id="facts-h">Account</h2>
                <dl className="facts">
                  <dt>ARR</dt>
                  <dd>{formatMoney(a.arr_cents)}</dd>
                  <dt>Plan</dt>
                  <dd>{a.plan ?? '—'}</dd>
                  <dt>Renewal</dt>
                  <dd>
                    {formatDay(a.renewal_date)} {a.renewal_date ? `(${formatDaysUntil(a.renewal_date)})` : ''}
                  </dd>
                  <dt>Owner</dt>
                  <dd>{a.owner_email ?? 'Unassigned'}</dd>
                  <dt>Stage</dt>
                  <dd>{humanize(a.lifecycle_stage)}</dd>
                  <dt>Last touch</dt>
                  <dd>{formatRelative(a.last_touch_at)}</dd>
                </dl>
              </section>
              <section className="card" aria-labelledby="contacts-h">
                <h2 id="contacts-h">Contacts ({contacts.length})</h2>
                {contacts.length === 0 ? (
                  <p className="meta">No contacts yet.</p>
                ) : (
                  <ul className="list">
                    {contacts.map((c) => (
                      <li key={c.id}>
                        <strong>{c.name ?? c.email ?? c.external_id}</strong>
                        {c.opted_out ? <span className="pill pill-neutral"> Opted out</span> : null}
                        <div className="meta">{[c.role, c.email].filter(Boolean).join(' · ') || c.external_id}</div>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </div>
        </>
      )}
    </QueryView>
  );
}

const kindLabel = { event: 'Event', interview: 'Interview', signal: 'Signal' } as const;

function TimelineRow({ item }: { item: TimelineItem }) {
  const title = item.interview_id ? <Link to={`/interviews/${item.interview_id}`}>{item.title}</Link> : item.title;
  return (
    <li>
      <time dateTime={item.at}>{formatDateTime(item.at)}</time>
      <div>
        <span className="pill pill-outline">{kindLabel[item.kind]}</span> {title}
        {item.detail ? <div className={item.kind === 'signal' ? 'quote' : 'meta'}>{item.detail}</div> : null}
      </div>
    </li>
  );
}
