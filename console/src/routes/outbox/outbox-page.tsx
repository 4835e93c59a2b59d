import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { getJson } from '../../api';
import type { OutboxEmail, OutboxRow } from '../../api-types';
import { formatDateTime, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorState, Loading, QueryView } from '../../components/states';

/** The local outbox: emails Candor would have sent, rendered as the recipient sees them. */
export default function OutboxPage() {
  const [params, setParams] = useSearchParams();
  const list = useQuery({ queryKey: ['outbox'], queryFn: () => getJson<{ items: OutboxRow[] }>('/outbox') });
  const selected = params.get('id') ?? list.data?.items[0]?.id ?? '';
  return (
    <>
      <PageHeader title="Outbox" subtitle="Emails sent through the local transport, newest first" />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty title="The outbox is empty">Invitations and briefings sent by email appear here.</Empty>
      ) : (
        <div className="split">
          <section className="card" aria-label="Emails">
            <ul className="list">
              {list.data.items.map((e) => (
                <li key={e.id} className={e.id === selected ? 'selected' : undefined}>
                  <button
                    type="button"
                    onClick={() => setParams({ id: e.id }, { replace: true })}
                    aria-current={e.id === selected}
                  >
                    <strong>{e.subject}</strong>
                    <div className="meta">
                      To {e.to_address} · {humanize(e.kind)} · {formatDateTime(e.created_at)}
                    </div>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {selected ? <EmailView id={selected} /> : null}
        </div>
      )}
    </>
  );
}

function EmailView({ id }: { id: string }) {
  const email = useQuery({ queryKey: ['outbox', id], queryFn: () => getJson<OutboxEmail>(`/outbox/${id}`) });
  return (
    <section className="card" aria-label="Email">
      <QueryView query={email}>
        {(e) => (
          <>
            <h2>{e.subject}</h2>
            <dl className="facts">
              <dt>From</dt>
              <dd>{e.from_address}</dd>
              <dt>To</dt>
              <dd>{e.to_address}</dd>
              <dt>Status</dt>
              <dd>{humanize(e.status)}</dd>
            </dl>
            {/* sandbox="" (no allow-scripts): the email's HTML can neither run script nor reach this page. */}
            <iframe title={`Email: ${e.subject}`} className="email-frame" sandbox="" srcDoc={e.html} />
          </>
        )}
      </QueryView>
    </section>
  );
}
