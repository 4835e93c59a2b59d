import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ApiError, api, type RequestBody, read, type Schemas } from '../../api';
import { PlayStepsEditor, type Step } from './play-steps-editor';

type Rule = Record<string, unknown>;
type Field = {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'select';
  options?: string[];
  /** Words for the options, where the value alone reads badly. */
  optionLabels?: Record<string, string>;
};

/**
 * The kinds of *when* the form offers (shapes: shared/src/triggers.ts). A new kind is one
 * entry here: its label, its starting value and its fields; the rest of the form follows.
 */
const whenKinds: { type: string; label: string; start: Rule; fields: Field[] }[] = [
  {
    type: 'attribute',
    label: 'An account or contact field matches',
    start: { target: 'account', attribute: 'plan', op: 'eq', value: '' },
    fields: [
      { key: 'target', label: 'Of the', kind: 'select', options: ['account', 'contact'] },
      { key: 'attribute', label: 'Field', kind: 'text' },
      { key: 'op', label: 'Is', kind: 'select', options: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains'] },
      { key: 'value', label: 'Value', kind: 'text' },
    ],
  },
  {
    type: 'schedule',
    label: 'Days from a date',
    start: { anchor: 'renewal_date', offset_days: -60 },
    fields: [
      { key: 'anchor', label: 'Date', kind: 'select', options: ['renewal_date', 'signup'] },
      { key: 'offset_days', label: 'Days after (negative: before)', kind: 'number' },
    ],
  },
  {
    type: 'usage_drop',
    label: 'Usage drops',
    start: { percent: 40, days: 14 },
    fields: [
      { key: 'percent', label: 'By at least (%)', kind: 'number' },
      { key: 'days', label: 'Last N days vs the N before', kind: 'number' },
    ],
  },
  {
    type: 'event',
    label: 'An event arrives',
    start: { event: '' },
    fields: [{ key: 'event', label: 'Event name', kind: 'text' }],
  },
  {
    type: 'health_change',
    label: 'Account health changes',
    start: { to: 'at_risk' },
    fields: [{ key: 'to', label: 'To', kind: 'select', options: ['healthy', 'watch', 'at_risk'] }],
  },
  {
    type: 'signal',
    label: 'A customer says something (a play)',
    start: { signal: 'expansion_intent' },
    fields: [
      {
        key: 'signal',
        label: 'Signal',
        kind: 'select',
        options: ['churn_risk_high', 'expansion_intent', 'wants_human', 'nps_detractor', 'competitor_named'],
        optionLabels: {
          churn_risk_high: 'High churn risk',
          expansion_intent: 'Expansion intent',
          wants_human: 'Asks for a person',
          nps_detractor: 'NPS detractor (score 0–6)',
          competitor_named: 'Names a competitor',
        },
      },
    ],
  },
  { type: 'manual', label: 'Only when run by hand', start: {}, fields: [] },
];

/** The server's 400 message ("when.offset_days: Too big; name: Required") split per field. */
function fieldErrors(error: unknown): { byField: Record<string, string>; rest: string | null } {
  if (!(error instanceof ApiError)) return { byField: {}, rest: error ? 'Something went wrong.' : null };
  if (error.status === 403) return { byField: {}, rest: 'Only admins can change triggers.' };
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of error.message.split('; ')) {
    const match = /^([\w.]+): (.*)$/.exec(part);
    if (match?.[1] && match[2]) byField[match[1]] = match[2];
    else rest.push(part);
  }
  return { byField, rest: rest.length ? rest.join('; ') : null };
}

type TriggerRow = Schemas['TriggerRow'];
/** The form edits a rule loosely; the server checks it and answers a 400 naming the field at fault. */
type RuleBody = RequestBody<'/triggers', 'post'>;

/** Creates a rule, or edits `existing`; a dry run says how many contacts it would match now. */
export function TriggerForm({ existing, onDone }: { existing?: TriggerRow; onDone: () => void }) {
  const queryClient = useQueryClient();
  const ids = useId();
  const guides = useQuery({ queryKey: ['guides'], queryFn: () => read(api.GET('/guides')) });
  const rule = (existing?.rule ?? {}) as Rule;
  const [name, setName] = useState(existing?.name ?? '');
  const [guideId, setGuideId] = useState(existing?.guide_id ?? '');
  const [when, setWhen] = useState<Rule>((rule.when as Rule) ?? { type: 'attribute', ...whenKinds[0]?.start });
  const who = (rule.who as Rule) ?? { type: 'contact' };
  const [whoType, setWhoType] = useState(String(who.type ?? 'contact'));
  const [roles, setRoles] = useState(((who.roles as string[]) ?? []).join(', '));
  const [channel, setChannel] = useState(String((rule.how as Rule)?.channel ?? 'in_app'));
  const [plans, setPlans] = useState(((rule.plans as string[]) ?? []).join(', '));
  const [steps, setSteps] = useState<Step[]>((rule.do as Step[]) ?? [{ type: 'invite' }]);
  const kind = whenKinds.find((k) => k.type === when.type);
  const isPlay = when.type === 'signal';

  const whoValue = () =>
    whoType === 'account_contacts'
      ? {
          type: 'account_contacts',
          roles: roles
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
        }
      : { type: 'contact' };
  const planList = () =>
    plans
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  const body = () => ({
    name,
    guide_id: guideId || (guides.data?.items[0]?.id ?? ''),
    when,
    who: whoValue(),
    // Any other *how* options a rule carries (a reminder delay) are kept as they were.
    how: { ...((rule.how as Rule) ?? {}), channel },
    // Clearing the plans of an existing rule removes its condition (null); a new rule just leaves it out.
    ...(planList().length ? { plans: planList() } : existing ? { plans: null } : {}),
    // Only a play acts on its steps; other rules keep whatever they had (an invitation).
    ...(isPlay ? { do: steps } : {}),
  });
  const save = useMutation({
    mutationFn: () =>
      existing
        ? read(api.PATCH('/triggers/{id}', { params: { path: { id: existing.id } }, body: body() as RuleBody }))
        : read(api.POST('/triggers', { body: body() as RuleBody })),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['triggers'] });
      onDone();
    },
  });
  const dryRun = useMutation({
    mutationFn: (rule: string) => read(api.POST('/triggers/dry-run', { body: JSON.parse(rule) })),
  });
  // A count is shown only while the rule is still the one it was counted for.
  const dryRunRule = JSON.stringify({ when, who: whoValue(), ...(planList().length ? { plans: planList() } : {}) });
  const dryRunCurrent = dryRun.variables === dryRunRule;
  const errors = fieldErrors(save.error ?? dryRun.error);
  const fieldError = (key: string): ReactNode =>
    errors.byField[key] ? (
      <span className="field-error" id={`${ids}-${key}-error`}>
        {errors.byField[key]}
      </span>
    ) : null;
  const invalid = (key: string) =>
    errors.byField[key] ? { 'aria-invalid': true, 'aria-describedby': `${ids}-${key}-error` } : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form trigger-form" onSubmit={submit} aria-labelledby={`${ids}-h`} noValidate>
      <h2 id={`${ids}-h`}>{existing ? `Edit “${existing.name}”` : 'New trigger'}</h2>
      <div className="field">
        <label htmlFor={`${ids}-name`}>Name</label>
        <input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} {...invalid('name')} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-guide`}>Guide</label>
        <select
          id={`${ids}-guide`}
          value={guideId || (guides.data?.items[0]?.id ?? '')}
          onChange={(e) => setGuideId(e.target.value)}
          {...invalid('guide_id')}
        >
          {(guides.data?.items ?? [])
            .filter((g) => !g.archived)
            .map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
        </select>
        {fieldError('guide_id')}
      </div>
      <fieldset>
        <legend>When</legend>
        <div className="field">
          <label htmlFor={`${ids}-when`}>Fires when</label>
          <select
            id={`${ids}-when`}
            value={String(when.type)}
            onChange={(e) => {
              const next = whenKinds.find((k) => k.type === e.target.value);
              setWhen({ type: e.target.value, ...next?.start });
            }}
          >
            {whenKinds.map((k) => (
              <option key={k.type} value={k.type}>
                {k.label}
              </option>
            ))}
          </select>
          {fieldError('when')}
        </div>
        {kind?.fields.map((f) => {
          const id = `${ids}-when-${f.key}`;
          const path = `when.${f.key}`;
          const value = when[f.key] === undefined ? '' : String(when[f.key]);
          const set = (raw: string) =>
            setWhen({
              ...when,
              [f.key]: f.kind === 'number' && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw,
            });
          return (
            <div className="field" key={f.key}>
              <label htmlFor={id}>{f.label}</label>
              {f.kind === 'select' ? (
                <select id={id} value={value} onChange={(e) => set(e.target.value)} {...invalid(path)}>
                  {f.options?.map((o) => (
                    <option key={o} value={o}>
                      {f.optionLabels?.[o] ?? o.replace(/_/g, ' ')}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  inputMode={f.kind === 'number' ? 'numeric' : undefined}
                  value={value}
                  onChange={(e) => set(e.target.value)}
                  {...invalid(path)}
                />
              )}
              {fieldError(path)}
            </div>
          );
        })}
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${ids}-who`}>Who is asked</label>
          <select id={`${ids}-who`} value={whoType} onChange={(e) => setWhoType(e.target.value)}>
            <option value="contact">The contact it is about</option>
            <option value="account_contacts">The account's contacts</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-how`}>How</label>
          <select id={`${ids}-how`} value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="in_app">In the app</option>
            <option value="email">By email</option>
            <option value="in_app_then_email">In the app, then email</option>
          </select>
          {fieldError('how.channel')}
        </div>
      </div>
      {whoType === 'account_contacts' ? (
        <div className="field">
          <label htmlFor={`${ids}-roles`}>Roles (comma-separated; empty: everyone)</label>
          <input
            id={`${ids}-roles`}
            value={roles}
            onChange={(e) => setRoles(e.target.value)}
            {...invalid('who.roles')}
          />
          {fieldError('who.roles')}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-plans`}>Only for plans (comma-separated; empty: every plan)</label>
        <input id={`${ids}-plans`} value={plans} onChange={(e) => setPlans(e.target.value)} {...invalid('plans')} />
        {fieldError('plans')}
      </div>
      {isPlay ? (
        <PlayStepsEditor ids={ids} steps={steps} onChange={setSteps} fieldError={fieldError} invalid={invalid} />
      ) : null}
      {errors.rest ? (
        <p className="form-error" role="alert">
          {errors.rest}
        </p>
      ) : null}
      {dryRun.data && dryRunCurrent ? (
        <p className="dry-run" role="status">
          {dryRun.data.evaluable
            ? `Would match ${dryRun.data.contacts} contact${dryRun.data.contacts === 1 ? '' : 's'} now.`
            : dryRun.data.reason}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : existing ? 'Save changes' : 'Create trigger'}
        </button>
        <button
          type="button"
          className="button"
          disabled={dryRun.isPending}
          onClick={() => {
            save.reset();
            dryRun.mutate(dryRunRule);
          }}
        >
          Dry run
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
