import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../api';
import type { Settings } from '../../api-types';
import { formatDateTime, formatRelative } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';
import { useMe } from '../../me';

/** Workspace settings (admins only): members, API keys, webhooks. */
export default function SettingsPage() {
  const { member } = useMe();
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: () => getJson<Settings>('/settings'),
    enabled: member.role === 'admin',
  });
  if (member.role !== 'admin')
    return (
      <>
        <PageHeader title="Settings" />
        <Empty title="Settings are for admins">Ask a workspace admin to change keys, members or webhooks.</Empty>
      </>
    );
  return (
    <>
      <PageHeader title="Settings" />
      <QueryView query={settings}>
        {(s) => (
          <>
            <section className="card" aria-labelledby="ws-h">
              <h2 id="ws-h">Workspace</h2>
              <dl className="facts">
                <dt>Name</dt>
                <dd>{s.workspace.name}</dd>
                <dt>Workspace id</dt>
                <dd>
                  <code>{s.workspace.id}</code>
                </dd>
                <dt>Timezone</dt>
                <dd>{s.workspace.timezone}</dd>
                <dt>Identity verification</dt>
                <dd>{s.workspace.identity_verification ? 'Required (userHash checked)' : 'Off'}</dd>
              </dl>
            </section>
            <section className="card" aria-labelledby="members-h">
              <h2 id="members-h">Members ({s.members.length})</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>Name</th>
                      <th>Email</th>
                      <th>Role</th>
                      <th>Since</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.members.map((m) => (
                      <tr key={m.id}>
                        <td>{m.name ?? '—'}</td>
                        <td>{m.email}</td>
                        <td>{m.role === 'admin' ? 'Admin' : 'CSM'}</td>
                        <td>{formatDateTime(m.created_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section className="card" aria-labelledby="keys-h">
              <h2 id="keys-h">API keys</h2>
              <p className="meta">
                Only the prefix is stored in readable form; the full key was shown once, at creation.
              </p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>Key</th>
                      <th>Kind</th>
                      <th>Created</th>
                      <th>Last used</th>
                      <th>Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.api_keys.map((k) => (
                      <tr key={k.id}>
                        <td>
                          <code>{k.display_prefix.endsWith('…') ? k.display_prefix : `${k.display_prefix}…`}</code>
                        </td>
                        <td>{k.kind === 'secret' ? 'Secret (server)' : 'Publishable (widget)'}</td>
                        <td>{formatDateTime(k.created_at)}</td>
                        <td>{formatRelative(k.last_used_at)}</td>
                        <td>
                          <span className={`pill ${k.revoked_at ? 'pill-neutral' : 'pill-good'}`}>
                            {k.revoked_at ? 'Revoked' : 'Active'}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section className="card" aria-labelledby="hooks-h">
              <h2 id="hooks-h">Webhooks</h2>
              {s.webhooks.length === 0 ? (
                <p className="meta">No webhook endpoints configured.</p>
              ) : (
                <ul className="list">
                  {s.webhooks.map((w) => (
                    <li key={w.id}>
                      <code>{w.url}</code> {w.enabled ? null : <span className="pill pill-neutral">Off</span>}
                      <div className="meta">{w.event_types.join(', ') || 'all events'}</div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}
