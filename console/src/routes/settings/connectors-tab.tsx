import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, read, type Schemas } from '../../api';
import { formatDateTime } from '../../components/format';
import { Empty, QueryView } from '../../components/states';
import { CrmMappingForm } from './crm-mapping-form';
import { ActionError } from './secret-parts';

type ConnectorView = Schemas['ConnectorView'];
type Kind = ConnectorView['kind'];

/** What each vendor needs: its credential fields (sealed on the server, never shown again) and a line of help. */
const vendors: Record<
  Kind,
  {
    name: string;
    help: string;
    fields: { key: string; label: string; placeholder: string; optional?: boolean }[];
  }
> = {
  slack: {
    name: 'Slack',
    help: 'Cards to the account owner (and the AE for expansion) by DM: hand-offs, accounts turning at risk, expansion intent, the weekly briefing. Scopes: chat:write, users:read.email.',
    fields: [{ key: 'bot_token', label: 'Bot token', placeholder: 'xoxb-…' }],
  },
  hubspot: {
    name: 'HubSpot',
    help: 'Tasks for the owner on a hand-off, high churn risk or expansion intent, on the company record. Private app scopes: crm.objects.companies.write, crm.objects.owners.read, tasks.',
    fields: [{ key: 'access_token', label: 'Private app access token', placeholder: 'pat-na1-…' }],
  },
  salesforce: {
    name: 'Salesforce',
    help: 'Tasks for the owner on the account record, the same moments as HubSpot.',
    fields: [
      { key: 'instance_url', label: 'Instance URL', placeholder: 'https://yourorg.my.salesforce.com' },
      { key: 'access_token', label: 'Access token', placeholder: '00D…' },
      // With these, an expired session is renewed instead of failing.
      { key: 'refresh_token', label: 'Refresh token (optional)', placeholder: '5Aep…', optional: true },
      { key: 'client_id', label: 'Connected app consumer key (optional)', placeholder: '3MVG…', optional: true },
      { key: 'client_secret', label: 'Connected app consumer secret (optional)', placeholder: '', optional: true },
    ],
  },
};

const tone: Record<Schemas['ConnectorDelivery']['status'], string> = {
  delivered: 'good',
  failed: 'bad',
  retrying: 'warn',
  pending: 'neutral',
  delivering: 'info',
};

function ConnectorCard({ kind, connector }: { kind: Kind; connector: ConnectorView | undefined }) {
  const queryClient = useQueryClient();
  const vendor = vendors[kind];
  const formId = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const [channel, setChannel] = useState<string>(
    typeof connector?.settings.channel === 'string' ? connector.settings.channel : '',
  );
  const [showLog, setShowLog] = useState(false);
  const [showMapping, setShowMapping] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const filled = vendor.fields.every((f) => f.optional || (values[f.key] ?? '').trim() !== '');
      // Optional fields left empty are not sent, rather than sent empty.
      const credentials = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
      return read(
        api.PUT('/settings/connectors/{kind}', {
          params: { path: { kind } },
          body: {
            ...(filled || !connector ? { credentials } : {}),
            ...(kind === 'slack' ? { settings: { channel: channel.trim() || null } } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      setValues({});
      queryClient.invalidateQueries({ queryKey: ['settings', 'connectors'] });
    },
  });
  const test = useMutation({
    mutationFn: () => read(api.POST('/settings/connectors/{kind}/test', { params: { path: { kind } } })),
    // A test can find the credentials dead (or renew them): show the connector as it now stands.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['settings', 'connectors'] }),
  });
  const sync = useMutation({
    mutationFn: () => read(api.POST('/settings/connectors/{kind}/sync', { params: { path: { kind } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['settings', 'connectors'] }),
  });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      read(api.PUT('/settings/connectors/{kind}', { params: { path: { kind } }, body: { enabled } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['settings', 'connectors'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="card" aria-labelledby={`${formId}-h`}>
      <div className="card-title">
        <h2 id={`${formId}-h`}>{vendor.name}</h2>
        {connector?.auth_error ? (
          <span className="pill pill-bad">Needs re-authentication</span>
        ) : (
          <span className={`pill ${connector ? (connector.enabled ? 'pill-good' : 'pill-neutral') : 'pill-outline'}`}>
            {connector ? (connector.enabled ? 'Connected' : 'Paused') : 'Not connected'}
          </span>
        )}
      </div>
      <p className="meta">{vendor.help}</p>
      {connector?.auth_error ? (
        <p role="alert" className="pill pill-bad">
          {connector.auth_error} Enter new credentials below.
        </p>
      ) : null}
      {connector?.last_synced_at ? (
        <p className="meta">Accounts last synced {formatDateTime(connector.last_synced_at)}</p>
      ) : null}
      <form className="form" onSubmit={submit}>
        {vendor.fields.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${formId}-${f.key}`}>{f.label}</label>
            <input
              id={`${formId}-${f.key}`}
              type={f.key === 'instance_url' ? 'url' : 'password'}
              autoComplete="off"
              required={!connector && !f.optional}
              placeholder={connector ? 'Stored, sealed — type to replace' : f.placeholder}
              value={values[f.key] ?? ''}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            />
          </div>
        ))}
        {kind === 'slack' ? (
          <div className="field">
            <label htmlFor={`${formId}-channel`}>Also post to channel (optional)</label>
            <input
              id={`${formId}-channel`}
              placeholder="C0123456789"
              value={channel}
              onChange={(e) => setChannel(e.target.value)}
            />
          </div>
        ) : null}
        <ActionError error={save.error ?? toggle.error ?? test.error ?? sync.error} />
        {sync.data ? (
          <p role="status" className={`pill ${sync.data.ok ? 'pill-good' : 'pill-bad'}`}>
            {sync.data.ok
              ? `Accounts synced: ${sync.data.created} new, ${sync.data.updated} updated.${
                  sync.data.contacts
                    ? ` Contacts: ${sync.data.contacts.created} new, ${sync.data.contacts.updated} updated.`
                    : ''
                }`
              : `Sync failed — ${sync.data.message}`}
          </p>
        ) : null}
        {test.data ? (
          <p role="status" className={`pill ${test.data.ok ? 'pill-good' : 'pill-bad'}`}>
            {test.data.message}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : connector ? 'Save' : 'Connect'}
          </button>
          {connector ? (
            <>
              <button type="button" className="button" onClick={() => test.mutate()} disabled={test.isPending}>
                {test.isPending ? 'Testing…' : 'Test connection'}
              </button>
              {kind === 'slack' ? null : (
                <button type="button" className="button" onClick={() => sync.mutate()} disabled={sync.isPending}>
                  {sync.isPending ? 'Syncing…' : 'Sync accounts now'}
                </button>
              )}
              <button type="button" className="button" onClick={() => toggle.mutate(!connector.enabled)}>
                {connector.enabled ? 'Pause' : 'Resume'}
              </button>
              {kind === 'slack' ? null : (
                <button
                  type="button"
                  className="button"
                  aria-pressed={showMapping}
                  onClick={() => setShowMapping(!showMapping)}
                >
                  Field mapping
                </button>
              )}
              <button type="button" className="button" aria-pressed={showLog} onClick={() => setShowLog(!showLog)}>
                Delivery log
              </button>
            </>
          ) : null}
        </div>
      </form>
      {connector && showMapping && kind !== 'slack' ? (
        <CrmMappingForm kind={kind} settings={connector.settings} />
      ) : null}
      {connector && showLog ? <ConnectorLog kind={kind} /> : null}
    </section>
  );
}

function ConnectorLog({ kind }: { kind: Kind }) {
  const log = useQuery({
    queryKey: ['settings', 'connectors', kind, 'deliveries'],
    queryFn: () => read(api.GET('/settings/connectors/{kind}/deliveries', { params: { path: { kind } } })),
  });
  return (
    <QueryView query={log}>
      {({ deliveries }) =>
        deliveries.length === 0 ? (
          <Empty title="Nothing sent yet">Alerts and tasks appear here as they are sent.</Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Action</th>
                  <th>To</th>
                  <th>Status</th>
                  <th className="num">Attempts</th>
                  <th>Created</th>
                  <th>Detail</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <code>{d.action}</code>
                    </td>
                    <td>{d.summary}</td>
                    <td>
                      <span className={`pill pill-${tone[d.status]}`}>{d.status}</span>
                    </td>
                    <td className="num">{d.attempts}</td>
                    <td className="nowrap">{formatDateTime(d.created_at)}</td>
                    <td className="meta">
                      {d.last_error ?? (d.next_attempt_at ? `Next attempt ${formatDateTime(d.next_attempt_at)}` : '')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryView>
  );
}

/** Slack, HubSpot and Salesforce: connect with sealed credentials, test, pause, and read what was sent. */
export function ConnectorsTab() {
  const list = useQuery({
    queryKey: ['settings', 'connectors'],
    queryFn: () => read(api.GET('/settings/connectors')),
  });
  return (
    <QueryView query={list}>
      {({ connectors }) => (
        <div className="settings-stack">
          {(['slack', 'hubspot', 'salesforce'] as const).map((kind) => (
            <ConnectorCard
              key={`${kind}:${connectors.find((c) => c.kind === kind)?.updated_at ?? ''}`}
              kind={kind}
              connector={connectors.find((c) => c.kind === kind)}
            />
          ))}
        </div>
      )}
    </QueryView>
  );
}
