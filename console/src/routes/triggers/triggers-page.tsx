import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { api, read, type Schemas } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';
import { useMe } from '../../me';
import { PlayOutcomes } from './play-outcomes';
import { TriggerForm } from './trigger-form';

type TriggerRow = Schemas['TriggerRow'];

// The chart library loads only when there is a funnel to draw.
const TriggerFunnel = lazy(() => import('./trigger-funnel'));

/** Playbook rules and how each one converts: invited → started → completed. */
export default function TriggersPage() {
  const triggers = useQuery({
    queryKey: ['triggers'],
    queryFn: () => read(api.GET('/triggers')),
  });
  const isAdmin = useMe().member.role === 'admin';
  // The form shows for a new rule ('new') or for the rule being edited.
  const [editing, setEditing] = useState<'new' | TriggerRow | null>(null);
  return (
    <>
      <PageHeader
        title="Triggers"
        subtitle={`When Candor starts an interview, and how each rule converts${
          triggers.data ? ` (invitations of the last ${triggers.data.window.days} days)` : ''
        }`}
      />
      {isAdmin && editing === null ? (
        <p>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            New trigger
          </button>
        </p>
      ) : null}
      {editing !== null ? (
        <TriggerForm
          key={editing === 'new' ? 'new' : editing.id}
          existing={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <QueryView query={triggers}>
        {({ items, manual }) =>
          items.length === 0 ? (
            <>
              <Suspense fallback={null}>
                <TriggerFunnel triggers={items} manual={manual} />
              </Suspense>
              <Empty title="No triggers yet">
                {isAdmin ? 'Create the first rule with New trigger.' : 'An admin creates trigger rules.'}
              </Empty>
            </>
          ) : (
            <>
              <Suspense fallback={null}>
                <TriggerFunnel triggers={items} manual={manual} />
              </Suspense>
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
                      {isAdmin ? <th>Actions</th> : null}
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
                        {isAdmin ? (
                          <td>
                            <RowActions trigger={t} onEdit={() => setEditing(t)} />
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <PlayOutcomes triggers={items} />
            </>
          )
        }
      </QueryView>
    </>
  );
}

/** Edit, pause or resume, and delete (after a confirmation) one rule. */
function RowActions({ trigger, onEdit }: { trigger: TriggerRow; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['triggers'] });
  const toggle = useMutation({
    mutationFn: () =>
      read(api.PATCH('/triggers/{id}', { params: { path: { id: trigger.id } }, body: { enabled: !trigger.enabled } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => read(api.DELETE('/triggers/{id}', { params: { path: { id: trigger.id } } })),
    onSuccess: () => {
      setConfirming(false);
      refresh();
    },
  });
  return (
    <div className="row-actions">
      <button type="button" className="button" onClick={onEdit} aria-label={`Edit ${trigger.name}`}>
        Edit
      </button>
      <button
        type="button"
        className="button"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
        aria-label={`${trigger.enabled ? 'Pause' : 'Resume'} ${trigger.name}`}
      >
        {trigger.enabled ? 'Pause' : 'Resume'}
      </button>
      <button
        type="button"
        className="button button-danger-outline"
        onClick={() => setConfirming(true)}
        aria-label={`Delete ${trigger.name}`}
      >
        Delete
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${trigger.name}”?`}
        confirmLabel="Delete trigger"
        danger
        busy={remove.isPending}
        error={remove.error ? remove.error.message : null}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        It stops inviting anyone. Invitations it already made keep their history.
      </ConfirmDialog>
    </div>
  );
}

const signalWords: Record<string, string> = {
  churn_risk_high: 'high churn risk',
  expansion_intent: 'expansion intent',
  wants_human: 'they want a person',
  nps_detractor: 'an NPS detractor score',
  competitor_named: 'a competitor',
};

/** A one-line reading of a rule's *when* and *how* (shapes: shared/src/triggers.ts). */
function describeRule(rule: Record<string, unknown>): string {
  const when = (rule.when ?? {}) as Record<string, unknown>;
  const how = (rule.how ?? {}) as Record<string, unknown>;
  const channel =
    how.channel === 'email' ? ' · by email' : how.channel === 'in_app_then_email' ? ' · in-app, then email' : '';
  const state = (v: unknown) => String(v ?? '').replace(/_/g, ' ');
  switch (when.type) {
    case 'event': {
      const filter = when.filter ? Object.keys(when.filter as object).length : 0;
      return `Event “${String(when.event)}”${filter ? ` (${filter} filter${filter > 1 ? 's' : ''})` : ''}${channel}`;
    }
    case 'attribute':
      return `${state(when.target)} ${String(when.attribute)} ${String(when.op)} ${String(when.value)}${channel}`;
    case 'usage_drop':
      return `Usage down ${String(when.percent)}% over ${String(when.days)} days${channel}`;
    case 'health_change':
      return `Health ${when.from ? `${state(when.from)} → ` : 'turns '}${state(when.to)}${channel}`;
    case 'schedule': {
      const days = Number(when.offset_days ?? 0);
      const anchor = when.anchor === 'renewal_date' ? 'renewal' : 'signup';
      return `${Math.abs(days)} days ${days < 0 ? 'before' : 'after'} ${anchor}${channel}`;
    }
    case 'manual':
      return `Sent by hand${channel}`;
    case 'signal': {
      const steps = Array.isArray(rule.do) ? rule.do.length : 1;
      const plans = Array.isArray(rule.plans) ? ` · plans: ${rule.plans.join(', ')}` : '';
      return `When a customer signals ${signalWords[String(when.signal)] ?? state(when.signal)} · ${steps} step${steps === 1 ? '' : 's'}${plans}`;
    }
    default:
      return 'Custom rule';
  }
}
