import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, read, type Schemas } from '../../api';
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
import { DetractorReasons, RatingHeadlines } from '../../components/ratings';
import { ReviewQueue } from '../../components/review-queue';
import { Empty, QueryView } from '../../components/states';
import { InviteContact } from './invite-contact';
import { RegenerateBrief } from './regenerate-brief';
import { StakeholderMap } from './stakeholder-map';

/** One account: health and why, stakeholders and contacts, what happened, and the renewal brief. */
export default function AccountPage() {
  const { id = '' } = useParams();
  const account = useQuery({
    queryKey: ['account', id],
    queryFn: () => read(api.GET('/accounts/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryView query={account}>
      {({ account: a, contacts, stakeholders, timeline, usage, brief, ratings }) => (
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
                        {r.quote ? (
                          <blockquote className="quote">
                            {r.interview_id ? (
                              <Link to={`/interviews/${r.interview_id}${r.message_id ? `#m-${r.message_id}` : ''}`}>
                                “{r.quote}”
                              </Link>
                            ) : (
                              `“${r.quote}”`
                            )}
                          </blockquote>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <ReviewQueue title="Review queue" accountId={a.id} />
              <section className="card" aria-labelledby="brief-h">
                <div className="card-title">
                  <h2 id="brief-h">Renewal brief</h2>
                  <RegenerateBrief accountId={a.id} shownVersion={brief?.version ?? null} />
                </div>
                {brief ? <Brief sections={brief.sections} /> : <Empty title="No renewal brief yet" />}
                {brief ? <BriefMeta brief={brief} /> : null}
              </section>
              <Timeline items={timeline} />
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
              <StakeholderMap people={stakeholders} />
              <section className="card" aria-labelledby="usage-h">
                <h2 id="usage-h">Usage, last 30 days</h2>
                <p>
                  <strong>{usage.last_30d.toLocaleString()}</strong> events{' '}
                  <span className="meta">({trend(usage.last_30d, usage.previous_30d)} vs. the 30 days before)</span>
                </p>
                {usage.top.length ? (
                  <ul className="list">
                    {usage.top.map((u) => (
                      <li key={u.name}>
                        {u.name} <span className="meta">× {u.count}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </section>
              {ratings.overall.length ? (
                <section className="card" aria-labelledby="scores-h">
                  <h2 id="scores-h">Scores, last 12 months</h2>
                  <RatingHeadlines figures={ratings.overall} />
                  <h3>Why the low scores</h3>
                  <DetractorReasons reasons={ratings.detractor_reasons} showAccount={false} />
                </section>
              ) : null}
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
                        <InviteContact contact={c} />
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

/** Which version this is and how it was written: by the model (and which prompt) or by rules. */
function BriefMeta({ brief }: { brief: NonNullable<Schemas['AccountDetail']['brief']> }) {
  const how =
    brief.mode === 'ai'
      ? `Written by AI${brief.model ? ` (${brief.model}, prompt ${brief.prompt_version})` : ''}`
      : brief.fallback_reason
        ? `Built by rules: ${brief.fallback_reason}`
        : 'Built by rules from signals';
  return (
    <>
      <p className="meta">
        Version {brief.version} · {how} · {formatDateTime(brief.created_at)}
      </p>
      {brief.new_answers > 0 ? (
        <p className="meta brief-stale" role="status">
          {brief.new_answers} new answer{brief.new_answers === 1 ? '' : 's'} since this brief
        </p>
      ) : null}
      {brief.failed_attempt ? (
        <p className="meta">
          Version {brief.failed_attempt.version} came out empty
          {brief.failed_attempt.fallback_reason ? ` (${brief.failed_attempt.fallback_reason})` : ''}, so this one stays
          current.
        </p>
      ) : null}
    </>
  );
}

const kindLabel = { event: 'Event', interview: 'Interview', signal: 'Signal' } as const;

function TimelineRow({ item }: { item: Schemas['TimelineItem'] }) {
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

function trend(recent: number, before: number) {
  if (before === 0) return recent === 0 ? 'none' : 'new';
  const change = Math.round(((recent - before) / before) * 100);
  return `${change > 0 ? '+' : ''}${change}%`;
}

const filters = [
  { key: 'conversations', label: 'Conversations', kinds: ['interview', 'signal'] },
  { key: 'all', label: 'Everything', kinds: ['interview', 'signal', 'event'] },
  { key: 'usage', label: 'Usage events', kinds: ['event'] },
] as const;

/** What happened on the account; conversations first, usage events one click away. */
function Timeline({ items }: { items: Schemas['TimelineItem'][] }) {
  const hasConversations = items.some((i) => i.kind !== 'event');
  const [filter, setFilter] = useState<(typeof filters)[number]['key']>(hasConversations ? 'conversations' : 'all');
  const kinds: readonly string[] = filters.find((f) => f.key === filter)!.kinds;
  const shown = items.filter((i) => kinds.includes(i.kind)).slice(0, 25);
  return (
    <section className="card" aria-labelledby="timeline-h">
      <div className="card-title">
        <h2 id="timeline-h">Timeline</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {filters.map((f) => (
            <button key={f.key} type="button" aria-pressed={filter === f.key} onClick={() => setFilter(f.key)}>
              {f.label}
            </button>
          ))}
        </fieldset>
      </div>
      {shown.length === 0 ? (
        <p className="meta">Nothing to show here yet.</p>
      ) : (
        <ol className="timeline">
          {shown.map((t) => (
            <TimelineRow key={`${t.kind}-${t.id}`} item={t} />
          ))}
        </ol>
      )}
    </section>
  );
}
