import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { api, type RequestBody, read, type Schemas } from '../api';
import { formatDateTime } from './format';
import { Empty, QueryView } from './states';

type Action = RequestBody<'/review-items/{id}/actions', 'post'>;
type ReviewQueueItem = Schemas['ReviewQueueItem'];

/** Tomorrow as YYYY-MM-DD in the browser's zone: the earliest a snooze may end. */
function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The review queue you act on: each item says why in words, quotes the customer and links
 * the transcript; Done, Snooze until a date, or Reassign to a colleague. On Home it is the
 * viewer's (and unassigned) items; on an account page, that account's.
 */
export function ReviewQueue({ title, accountId }: { title: string; accountId?: string }) {
  const headingId = useId();
  const key = ['review-items', accountId ?? 'mine'];
  const items = useQuery({
    queryKey: key,
    queryFn: () =>
      read(api.GET('/review-items', { params: { query: accountId ? { account_id: accountId } : { scope: 'mine' } } })),
  });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title}
        {items.data ? ` (${items.data.items.length})` : ''}
      </h2>
      <QueryView query={items}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Empty title="Nothing to review">Accounts that need a human decision show up here.</Empty>
          ) : (
            <ul className="list review-queue">
              {list.map((item) => (
                <ReviewItemRow key={item.id} item={item} showAccount={!accountId} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function ReviewItemRow({ item, showAccount }: { item: ReviewQueueItem; showAccount: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<'snooze' | 'reassign' | null>(null);
  const [until, setUntil] = useState(tomorrow());
  const [memberId, setMemberId] = useState('');
  const members = useQuery({
    queryKey: ['review-assignees'],
    queryFn: () => read(api.GET('/review-items/assignees')),
    enabled: open === 'reassign',
  });
  const act = useMutation({
    mutationFn: (action: Action) =>
      read(api.POST('/review-items/{id}/actions', { params: { path: { id: item.id } }, body: action })),
    onSuccess: () => {
      setOpen(null);
      void queryClient.invalidateQueries({ queryKey: ['review-items'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
  const label = `${item.kind_label} at ${item.account.name}`;
  return (
    <li className="review-item" aria-label={label}>
      <div className="review-item-head">
        {showAccount ? (
          <Link to={`/accounts/${item.account.id}`}>
            <strong>{item.account.name}</strong>
          </Link>
        ) : null}{' '}
        <span className="pill pill-warn">{item.kind_label}</span>{' '}
        {item.assigned_to_me ? <span className="pill pill-outline">Mine</span> : null}
      </div>
      <div>{item.reason}</div>
      {item.quote ? <blockquote className="quote">“{item.quote}”</blockquote> : null}
      <div className="meta">
        {item.interview_id ? (
          <>
            <Link to={`/interviews/${item.interview_id}${item.message_id ? `#m-${item.message_id}` : ''}`}>
              See in transcript
            </Link>
            {' · '}
          </>
        ) : null}
        {item.assignee ? `Assigned to ${item.assignee.name ?? item.assignee.email}` : 'Unassigned'} ·{' '}
        {formatDateTime(item.created_at)}
      </div>
      <div className="review-actions">
        <button
          type="button"
          className="button button-primary button-small"
          disabled={act.isPending}
          onClick={() => act.mutate({ action: 'done' })}
        >
          Done
        </button>
        <button
          type="button"
          className="button button-small"
          aria-expanded={open === 'snooze'}
          onClick={() => setOpen(open === 'snooze' ? null : 'snooze')}
        >
          Snooze…
        </button>
        <button
          type="button"
          className="button button-small"
          aria-expanded={open === 'reassign'}
          onClick={() => setOpen(open === 'reassign' ? null : 'reassign')}
        >
          Reassign…
        </button>
      </div>
      {open === 'snooze' ? (
        <form
          className="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate({ action: 'snooze', until });
          }}
        >
          <label>
            Snooze until
            <input type="date" required min={tomorrow()} value={until} onChange={(e) => setUntil(e.target.value)} />
          </label>
          <button type="submit" className="button button-primary button-small" disabled={act.isPending}>
            Snooze
          </button>
        </form>
      ) : null}
      {open === 'reassign' ? (
        <form
          className="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (memberId) act.mutate({ action: 'reassign', member_id: memberId });
          }}
        >
          <label>
            Reassign to
            <select required value={memberId} onChange={(e) => setMemberId(e.target.value)}>
              <option value="">Choose a member</option>
              {(members.data?.members ?? [])
                .filter((m) => m.id !== item.assignee?.id)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name ? `${m.name} (${m.email})` : m.email}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" className="button button-primary button-small" disabled={act.isPending || !memberId}>
            Reassign
          </button>
        </form>
      ) : null}
      {act.isError ? (
        <p className="meta error-text" role="alert">
          {act.error.message}
        </p>
      ) : null}
    </li>
  );
}
