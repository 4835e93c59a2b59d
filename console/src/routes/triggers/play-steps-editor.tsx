import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, read } from '../../api';

export type Step = Record<string, unknown> & { type: string };

type StepField = {
  key: string;
  label: string;
  kind: 'select' | 'text' | 'textarea' | 'url' | 'endpoint';
  options?: [string, string][];
  optional?: boolean;
};

const people: [string, string][] = [
  ['owner', 'The CSM owner'],
  ['ae', 'The AE (sales owner)'],
  ['owner_and_ae', 'Both'],
];

/**
 * The kinds of *do* step the form offers (shapes: playStepSchema in shared/src/triggers.ts).
 * A new kind is one entry here: its label, its starting value and its fields.
 */
export const stepKinds: { type: string; label: string; start: Step; fields: StepField[] }[] = [
  { type: 'invite', label: 'Invite to an interview', start: { type: 'invite' }, fields: [] },
  {
    type: 'notify',
    label: 'Notify (Slack or email)',
    start: { type: 'notify', channel: 'slack', to: 'owner' },
    fields: [
      {
        key: 'channel',
        label: 'By',
        kind: 'select',
        options: [
          ['slack', 'Slack'],
          ['email', 'Email'],
        ],
      },
      { key: 'to', label: 'To', kind: 'select', options: people },
    ],
  },
  {
    type: 'crm_task',
    label: 'Create a CRM task',
    start: { type: 'crm_task', to: 'owner' },
    fields: [{ key: 'to', label: 'For', kind: 'select', options: people.slice(0, 2) }],
  },
  {
    type: 'webhook',
    label: 'Send a webhook',
    start: { type: 'webhook', endpoint_id: '' },
    fields: [{ key: 'endpoint_id', label: 'Endpoint', kind: 'endpoint' }],
  },
  {
    type: 'in_app_message',
    label: 'Show a message in the widget',
    start: { type: 'in_app_message', title: '', body: '', link_url: 'https://' },
    fields: [
      { key: 'title', label: 'Message title', kind: 'text' },
      { key: 'body', label: 'Message text', kind: 'textarea' },
      { key: 'link_url', label: 'Resource link (https)', kind: 'url' },
      { key: 'link_label', label: 'Link text (optional)', kind: 'text', optional: true },
    ],
  },
];

type Props = {
  ids: string;
  steps: Step[];
  onChange: (steps: Step[]) => void;
  fieldError: (key: string) => ReactNode;
  invalid: (key: string) => Record<string, unknown>;
};

/** The play's steps, in order: each with its kind and fields, and the server's message beside a bad one. */
export function PlayStepsEditor({ ids, steps, onChange, fieldError, invalid }: Props) {
  const endpoints = useQuery({
    queryKey: ['settings', 'webhooks'],
    queryFn: () => read(api.GET('/settings/webhooks')),
    enabled: steps.some((s) => s.type === 'webhook'),
  });
  const set = (i: number, step: Step) => onChange(steps.map((s, j) => (j === i ? step : s)));
  return (
    <fieldset className="play-steps">
      <legend>Do (in order)</legend>
      {fieldError('do')}
      <ol>
        {steps.map((step, i) => {
          const kind = stepKinds.find((k) => k.type === step.type);
          const base = `${ids}-do-${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their position is what the server names
            <li key={i} className="play-step">
              <div className="field">
                <label htmlFor={`${base}-type`}>{`Step ${i + 1}`}</label>
                <select
                  id={`${base}-type`}
                  value={step.type}
                  onChange={(e) => set(i, { ...(stepKinds.find((k) => k.type === e.target.value)?.start ?? step) })}
                  {...invalid(`do.${i}`)}
                >
                  {stepKinds.map((k) => (
                    <option key={k.type} value={k.type}>
                      {k.label}
                    </option>
                  ))}
                </select>
                {fieldError(`do.${i}`)}
              </div>
              {kind?.fields.map((f) => {
                const id = `${base}-${f.key}`;
                const path = `do.${i}.${f.key}`;
                const value = step[f.key] === undefined ? '' : String(step[f.key]);
                const update = (raw: string) => {
                  const next = { ...step, [f.key]: raw };
                  // An optional field left empty is left out, not sent as an empty string.
                  if (f.optional && raw === '') delete next[f.key];
                  set(i, next);
                };
                const label = <label htmlFor={id}>{`${f.label} (step ${i + 1})`}</label>;
                let control: ReactNode;
                if (f.kind === 'select')
                  control = (
                    <select id={id} value={value} onChange={(e) => update(e.target.value)} {...invalid(path)}>
                      {f.options?.map(([v, text]) => (
                        <option key={v} value={v}>
                          {text}
                        </option>
                      ))}
                    </select>
                  );
                else if (f.kind === 'endpoint')
                  control = (
                    <select id={id} value={value} onChange={(e) => update(e.target.value)} {...invalid(path)}>
                      <option value="">Choose an endpoint…</option>
                      {(endpoints.data?.webhooks ?? []).map((w) => (
                        <option key={w.id} value={w.id}>
                          {w.url}
                        </option>
                      ))}
                    </select>
                  );
                else if (f.kind === 'textarea')
                  control = (
                    <textarea
                      id={id}
                      rows={3}
                      value={value}
                      onChange={(e) => update(e.target.value)}
                      {...invalid(path)}
                    />
                  );
                else
                  control = (
                    <input
                      id={id}
                      type={f.kind === 'url' ? 'url' : 'text'}
                      value={value}
                      onChange={(e) => update(e.target.value)}
                      {...invalid(path)}
                    />
                  );
                return (
                  <div className="field" key={f.key}>
                    {label}
                    {control}
                    {f.kind === 'endpoint' && endpoints.data?.webhooks.length === 0 ? (
                      <small>Add an endpoint under Settings → Webhooks first.</small>
                    ) : null}
                    {fieldError(path)}
                  </div>
                );
              })}
              {steps.length > 1 ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => onChange(steps.filter((_, j) => j !== i))}
                  aria-label={`Remove step ${i + 1}`}
                >
                  Remove
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {steps.length < 10 ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => onChange([...steps, { type: 'notify', channel: 'slack', to: 'owner' }])}
          >
            Add a step
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
