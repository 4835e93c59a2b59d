import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, read } from '../../api';
import { formatDateTime, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorState, Loading, QueryView } from '../../components/states';
import { useMe } from '../../me';
import { ActionError, SecretOnce } from '../settings/secret-parts';
import '../settings/settings.css';

/**
 * The local outbox (admins only): emails Candor would have sent, rendered as the recipient sees
 * them but with sign-in, interview and unsubscribe links redacted: those act as their recipient.
 */
export default function OutboxPage() {
  const { member } = useMe();
  if (member.role !== 'admin')
    return (
      <>
        <PageHeader title="Outbox" />
        <Empty title="The outbox is for admins">
          It holds mail addressed to other people, such as their sign-in links. Ask a workspace admin.
        </Empty>
      </>
    );
  return <AdminOutbox />;
}

function AdminOutbox() {
  const [params, setParams] = useSearchParams();
  const list = useQuery({ queryKey: ['outbox'], queryFn: () => read(api.GET('/outbox')) });
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
          {selected ? <EmailView key={selected} id={selected} /> : null}
        </div>
      )}
    </>
  );
}

function EmailView({ id }: { id: string }) {
  const email = useQuery({
    queryKey: ['outbox', id],
    queryFn: () => read(api.GET('/outbox/{id}', { params: { path: { id } } })),
  });
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
            {e.redacted_links > 0 ? (
              <p className="meta">
                Links that act as the recipient (sign-in, interview, unsubscribe) are shown as [redacted].
              </p>
            ) : null}
            {e.kind === 'member_invite' ? <ResendInvite id={e.id} to={e.to_address} /> : null}
            {/* sandbox="" (no allow-scripts): the email's HTML can neither run script nor reach this page. */}
            <iframe title={`Email: ${e.subject}`} className="email-frame" sandbox="" srcDoc={e.html} />
          </>
        )}
      </QueryView>
    </section>
  );
}

/** A fresh sign-in link for a pending invitee, emailed to them and shown once here to copy. */
function ResendInvite({ id, to }: { id: string; to: string }) {
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => read(api.POST('/outbox/{id}/resend-invite', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['outbox'], exact: true });
      queryClient.invalidateQueries({ queryKey: ['settings', 'members'] });
    },
  });
  if (resend.data)
    return (
      <SecretOnce
        title={`New sign-in link for ${resend.data.email}`}
        value={resend.data.url}
        what="Sign-in link"
        onDone={resend.reset}
      >
        It was emailed to them too. It works once, for 24 hours; share it only with {resend.data.email}.
      </SecretOnce>
    );
  return (
    <div className="inline-actions">
      <button type="button" className="button button-small" disabled={resend.isPending} onClick={() => resend.mutate()}>
        {resend.isPending ? 'Sending…' : 'Resend invite'}
      </button>
      <span className="meta">Sends {to} a new one-time sign-in link.</span>
      <ActionError error={resend.error} />
    </div>
  );
}
