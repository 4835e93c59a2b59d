import { useQuery } from '@tanstack/react-query';
import { api, read, type Schemas } from '../../api';
import { formatDateTime } from '../../components/format';
import { Empty, QueryView } from '../../components/states';

type WebhookDelivery = Schemas['SettingsWebhookDelivery'];

const tone: Record<WebhookDelivery['status'], string> = {
  delivered: 'good',
  failed: 'bad',
  retrying: 'warn',
  pending: 'neutral',
  delivering: 'info',
};
const label: Record<WebhookDelivery['status'], string> = {
  delivered: 'Delivered',
  failed: 'Failed',
  retrying: 'Retrying',
  pending: 'Queued',
  delivering: 'Sending',
};
const settled = (d: WebhookDelivery) => d.status === 'delivered' || d.status === 'failed';

/** One endpoint's delivery log, refreshed while deliveries are still on their way. */
export function DeliveryLog({ endpoint }: { endpoint: Schemas['SettingsWebhookEndpoint'] }) {
  const log = useQuery({
    queryKey: ['settings', 'webhooks', endpoint.id, 'deliveries'],
    queryFn: () => read(api.GET('/settings/webhooks/{id}/deliveries', { params: { path: { id: endpoint.id } } })),
    refetchInterval: (q) => (q.state.data?.deliveries.every(settled) === false ? 1500 : false),
  });
  return (
    <section className="card" aria-labelledby="log-h">
      <div className="card-title">
        <h2 id="log-h">
          Delivery log <span className="meta">· {endpoint.url}</span>
        </h2>
        <button type="button" className="button button-small" onClick={() => log.refetch()}>
          Refresh
        </button>
      </div>
      <QueryView query={log}>
        {({ deliveries }) =>
          deliveries.length === 0 ? (
            <Empty title="Nothing sent yet">Send a test event to see a delivery here.</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Event</th>
                    <th>Status</th>
                    <th className="num">Attempts</th>
                    <th className="num">Response</th>
                    <th>Created</th>
                    <th>Last attempt</th>
                    <th>Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <code>{d.event_type}</code>
                      </td>
                      <td>
                        <span className={`pill pill-${tone[d.status]}`}>{label[d.status]}</span>
                      </td>
                      <td className="num">{d.attempts}</td>
                      <td className="num">{d.last_status_code ?? '—'}</td>
                      <td className="nowrap">{formatDateTime(d.created_at)}</td>
                      <td className="nowrap">{formatDateTime(d.last_attempt_at)}</td>
                      <td className="meta">
                        {d.last_error ??
                          (d.next_attempt_at
                            ? `Next attempt ${formatDateTime(d.next_attempt_at)}`
                            : `id ${d.webhook_id}`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}
