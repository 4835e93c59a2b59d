import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getJson } from '../../api';
import type { TriggerRow } from '../../api-types';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';

/** Playbook rules and how each one converts: invited → started → completed. */
export default function TriggersPage() {
  const triggers = useQuery({ queryKey: ['triggers'], queryFn: () => getJson<{ items: TriggerRow[] }>('/triggers') });
  return (
    <>
      <PageHeader title="Triggers" subtitle="When Candor starts an interview, and how each rule converts" />
      <QueryView query={triggers}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty title="No triggers yet">Create trigger rules through the server API (POST /v1/triggers).</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Trigger</th>
                    <th>Guide</th>
                    <th>Status</th>
                    <th>When</th>
                    <th className="num">Invited</th>
                    <th className="num">Skipped</th>
                    <th className="num">Started</th>
                    <th className="num">Completed</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((t) => (
                    <tr key={t.id}>
                      <td>{t.name}</td>
                      <td>{t.guide_name ? <Link to={`/guides/${t.guide_id}`}>{t.guide_name}</Link> : '—'}</td>
                      <td>
                        <span className={`pill ${t.enabled ? 'pill-good' : 'pill-neutral'}`}>
                          {t.enabled ? 'On' : 'Off'}
                        </span>
                      </td>
                      <td>{describeRule(t.rule)}</td>
                      <td className="num">{t.invited}</td>
                      <td className="num">{t.skipped}</td>
                      <td className="num">{t.started}</td>
                      <td className="num">{t.completed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}

/** A one-line reading of a rule; falls back to its kind when the shape is unfamiliar. */
function describeRule(rule: Record<string, unknown>): string {
  const when = (rule.when ?? rule) as Record<string, unknown>;
  const kind = String(when.kind ?? when.type ?? 'rule');
  if (typeof when.event === 'string') return `On event “${when.event}”`;
  if (typeof when.days_before === 'number') return `${when.days_before} days before ${String(when.field ?? 'renewal')}`;
  return kind.replace(/_/g, ' ');
}
