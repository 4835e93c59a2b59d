import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, read, type Schemas } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDateTime } from '../../components/format';
import { Empty, QueryView } from '../../components/states';
import { DeliveryLog } from './delivery-log';
import { ActionError, KeyBox, SecretOnce } from './secret-parts';

type WebhookEndpoint = Schemas['SettingsWebhookEndpoint'];
type EventType = WebhookEndpoint['event_types'][number];

const eventHelp: Record<string, string> = {
  'interview.completed': 'An interview finished, with its signals',
  'signal.churn_risk': 'Medium or high churn risk was heard',
  'signal.expansion_intent': 'A customer talked about growing',
  'brief.ready': 'A renewal brief or briefing is ready',
  'account.state_changed': "An account's health state changed",
};

function AddEndpoint({ eventTypes, onCreated }: { eventTypes: EventType[]; onCreated: (secret: string) => void }) {
  const queryClient = useQueryClient();
  const urlId = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<EventType[]>(['interview.completed']);
  const create = useMutation({
    mutationFn: () => read(api.POST('/settings/webhooks', { body: { url, event_types: events } })),
    onSuccess: (created) => {
      setUrl('');
      onCreated(created.secret);
      queryClient.invalidateQueries({ queryKey: ['settings', 'webhooks'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="add-hook-h">
      <h2 id="add-hook-h">Add an endpoint</h2>
      <div className="field">
        <label htmlFor={urlId}>Endpoint URL</label>
        <input
          id={urlId}
          type="url"
          required
          placeholder="https://api.example.com/webhooks/candor"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </div>
      <fieldset className="checks">
        <legend>Events to send</legend>
        {eventTypes.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              checked={events.includes(t)}
              onChange={(e) => setEvents(e.target.checked ? [...events, t] : events.filter((x) => x !== t))}
            />
            <span>
              <code>{t}</code>
              <small>{eventHelp[t] ?? ''}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <ActionError error={create.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add endpoint'}
        </button>
        <span className="meta">Requests are signed (Standard Webhooks) and retried with backoff.</span>
      </div>
    </form>
  );
}

function EndpointRow({
  endpoint,
  selected,
  onSelect,
  onDelete,
}: {
  endpoint: WebhookEndpoint;
  selected: boolean;
  onSelect: () => void;
  onDelete: () => void;
}) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => read(api.POST('/settings/webhooks/{id}/secret', { params: { path: { id: endpoint.id } } })),
    onSuccess: (r) => setSecret(r.secret),
  });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      read(api.PATCH('/settings/webhooks/{id}', { params: { path: { id: endpoint.id } }, body: { enabled } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['settings', 'webhooks'] }),
  });
  const test = useMutation({
    mutationFn: () => read(api.POST('/settings/webhooks/{id}/test', { params: { path: { id: endpoint.id } } })),
    onSuccess: () => {
      onSelect();
      queryClient.invalidateQueries({ queryKey: ['settings', 'webhooks', endpoint.id, 'deliveries'] });
    },
  });
  return (
    <li className={`endpoint ${selected ? 'selected' : ''}`}>
      <div className="endpoint-main">
        <div>
          <code className="endpoint-url">{endpoint.url}</code>
          <div className="endpoint-events">
            {endpoint.event_types.map((t) => (
              <span key={t} className="pill pill-outline">
                {t}
              </span>
            ))}
          </div>
          <div className="meta">Added {formatDateTime(endpoint.created_at)}</div>
        </div>
        <span className={`pill ${endpoint.enabled ? 'pill-good' : 'pill-neutral'}`}>
          {endpoint.enabled ? 'Enabled' : 'Paused'}
        </span>
      </div>
      {secret ? (
        <div className="inline-actions">
          <KeyBox value={secret} what="Signing secret" />
          <button type="button" className="button button-small" onClick={() => setSecret(null)}>
            Hide
          </button>
        </div>
      ) : null}
      <div className="endpoint-actions">
        <button type="button" className="button button-small" onClick={onSelect} aria-pressed={selected}>
          Delivery log
        </button>
        <button type="button" className="button button-small" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? 'Sending…' : 'Send test event'}
        </button>
        {secret ? null : (
          <button
            type="button"
            className="button button-small"
            onClick={() => reveal.mutate()}
            disabled={reveal.isPending}
          >
            Reveal signing secret
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          onClick={() => toggle.mutate(!endpoint.enabled)}
          disabled={toggle.isPending}
        >
          {endpoint.enabled ? 'Pause' : 'Resume'}
        </button>
        <button type="button" className="button button-small button-danger-outline" onClick={onDelete}>
          Delete
        </button>
      </div>
      <ActionError error={reveal.error ?? toggle.error ?? test.error} />
    </li>
  );
}

/** Webhook endpoints: add with chosen events, reveal the signing secret, test, pause, delete; the delivery log. */
export function WebhooksTab() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['settings', 'webhooks'],
    queryFn: () => read(api.GET('/settings/webhooks')),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => read(api.DELETE('/settings/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: (_r, id) => {
      setDeleting(null);
      if (selected === id) setSelected(null);
      queryClient.invalidateQueries({ queryKey: ['settings', 'webhooks'] });
    },
  });
  return (
    <QueryView query={list}>
      {({ webhooks, event_types }) => {
        const shown = webhooks.find((w) => w.id === selected) ?? null;
        return (
          <div className="settings-stack">
            {created ? (
              <SecretOnce title="Endpoint added" value={created} what="Signing secret" onDone={() => setCreated(null)}>
                Verify each request with this signing secret (also available later with “Reveal signing secret”).
              </SecretOnce>
            ) : null}
            <div className="grid settings-split">
              <section className="card" aria-labelledby="hooks-h">
                <h2 id="hooks-h">Endpoints ({webhooks.length})</h2>
                {webhooks.length === 0 ? (
                  <Empty title="No endpoints yet">
                    Add one to have Candor notify your systems when interviews complete or risk is heard.
                  </Empty>
                ) : (
                  <ul className="endpoints">
                    {webhooks.map((w) => (
                      <EndpointRow
                        key={w.id}
                        endpoint={w}
                        selected={selected === w.id}
                        onSelect={() => setSelected(w.id)}
                        onDelete={() => setDeleting(w)}
                      />
                    ))}
                  </ul>
                )}
              </section>
              <AddEndpoint
                eventTypes={event_types}
                onCreated={(secret) => {
                  setCreated(secret);
                }}
              />
            </div>
            {shown ? <DeliveryLog endpoint={shown} /> : null}
            <ConfirmDialog
              open={deleting !== null}
              title="Delete this endpoint?"
              confirmLabel="Delete endpoint"
              danger
              busy={remove.isPending}
              error={remove.error?.message}
              onConfirm={() => deleting && remove.mutate(deleting.id)}
              onCancel={() => setDeleting(null)}
            >
              <p>
                <code>{deleting?.url}</code> stops receiving events, and its delivery log is deleted with it.
              </p>
            </ConfirmDialog>
          </div>
        );
      }}
    </QueryView>
  );
}
