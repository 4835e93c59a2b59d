import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, read, type Schemas } from '../../api';
import { ModeBadge, StatusBadge } from '../../components/badges';
import { formatDateTime, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/states';
import { CorrectSignal } from './correct-signal';
import { describeDecider, describeDecision } from './decision-note';
import { highlightQuotes } from './highlight';

const languageName = (code: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** One interview's transcript with each extracted signal highlighted on the words it came from. */
export default function TranscriptPage() {
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const transcript = useQuery({
    queryKey: ['interview', id],
    queryFn: () => read(api.GET('/interviews/{id}', { params: { path: { id } } })),
  });

  // A citation link (#m-<message id>) lands on the quoted message once it has rendered.
  useEffect(() => {
    if (!hash || !transcript.data) return;
    const el = document.getElementById(hash.slice(1));
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [hash, transcript.data]);

  return (
    <QueryView query={transcript}>
      {({ interview: iv, messages, signals }) => {
        const byMessage = new Map<string, Schemas['SignalRow'][]>();
        for (const s of signals) byMessage.set(s.message_id, [...(byMessage.get(s.message_id) ?? []), s]);
        return (
          <>
            <p className="meta">
              <Link to="/interviews">Interviews</Link> / {iv.guide_name}
            </p>
            <PageHeader
              title={iv.contact_name ?? iv.contact_email ?? 'Interview'}
              subtitle={
                <>
                  {iv.account_id ? <Link to={`/accounts/${iv.account_id}`}>{iv.account_name}</Link> : null}
                  {iv.account_id ? ' · ' : ''}
                  {iv.guide_name}
                  {iv.guide_version ? ` v${iv.guide_version}` : ''} · {iv.channel === 'in_app' ? 'In-app' : 'Email'} ·{' '}
                  {formatDateTime(iv.started_at ?? iv.invited_at)}
                  {iv.language ? ` · ${languageName(iv.language)}` : ''}
                </>
              }
              actions={
                <>
                  <StatusBadge status={iv.status} /> <ModeBadge mode={iv.mode} />
                </>
              }
            />
            {iv.transcript_erased_at ? (
              <p className="notice" role="note">
                The words of this interview were erased on {formatDateTime(iv.transcript_erased_at)} under the
                workspace's retention policy. Its status, timing and signals remain.
              </p>
            ) : null}
            <div className="grid grid-3">
              <section className="card" aria-labelledby="transcript-h">
                <h2 id="transcript-h">Transcript</h2>
                {messages.length === 0 ? (
                  <p className="meta">No messages yet: the contact has not started this interview.</p>
                ) : (
                  <div className="transcript">
                    {messages.map((m) => (
                      <div key={m.id} id={`m-${m.id}`} tabIndex={-1} className={`bubble ${m.role}`}>
                        <div className="who">{m.role === 'customer' ? 'Customer' : 'Interviewer'}</div>
                        {m.text === '' ? <em className="meta">Erased</em> : null}
                        {highlightQuotes(m.text, byMessage.get(m.id) ?? []).map((p, i) =>
                          p.signals.length ? (
                            // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional
                            <mark key={i} className="signal" title={p.signals.map((s) => s.label).join(', ')}>
                              {p.text}
                            </mark>
                          ) : (
                            // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional
                            <span key={i}>{p.text}</span>
                          ),
                        )}
                        {m.decision ? (
                          <p className="decision">
                            {describeDecision(m.decision)}
                            <span className="decider"> {describeDecider(m.decision)}</span>
                          </p>
                        ) : null}
                        {byMessage.get(m.id)?.length ? (
                          <div className="signal-tags">
                            {byMessage.get(m.id)!.map((s) => (
                              <span key={s.id} className="pill pill-info">
                                {humanize(s.kind)}: {s.label}
                              </span>
                            ))}
                          </div>
                        ) : null}
                      </div>
                    ))}
                  </div>
                )}
              </section>
              <section className="card" aria-labelledby="signals-h">
                <h2 id="signals-h">Signals ({signals.length})</h2>
                {signals.length === 0 ? (
                  <p className="meta">
                    {iv.status === 'completed' ? 'Extraction found no signals.' : 'Signals are extracted when it ends.'}
                  </p>
                ) : (
                  <ul className="list">
                    {signals.map((s) => (
                      <li key={s.id} aria-label={`${humanize(s.kind)}: ${s.label}`}>
                        <strong>{humanize(s.kind)}</strong>: {s.label}
                        {s.quote ? (
                          <blockquote className="quote">
                            <a href={`#m-${s.message_id}`}>“{s.quote}”</a>
                          </blockquote>
                        ) : null}
                        <div className="meta">
                          {s.corrected ? 'Corrected by a CSM' : s.source === 'ai' ? 'AI' : 'Rules'} · confidence{' '}
                          {Math.round(s.confidence <= 1 ? s.confidence * 100 : s.confidence)}%
                        </div>
                        <CorrectSignal signal={s} interviewId={iv.id} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </>
        );
      }}
    </QueryView>
  );
}
