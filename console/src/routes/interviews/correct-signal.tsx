import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Schemas } from '../../api';
import { api, type RequestBody, read } from '../../api';
import { humanize } from '../../components/format';

type Correction = RequestBody<'/signals/{id}/corrections', 'post'>;
/** The kinds the form offers are the server's signal kinds (the select lists FIELDS' keys). */
type ChangedKind = Extract<Correction, { action: 'change' }>['kind'];

type Field = { key: string; label: string; type: 'text' | 'select' | 'list' | 'checkbox'; options?: string[] };

/** What a CSM can set for each kind of signal (the shared value schemas check it on the server). */
const FIELDS: Record<string, Field[]> = {
  sentiment: [
    { key: 'polarity', label: 'Polarity', type: 'select', options: ['positive', 'neutral', 'negative', 'mixed'] },
  ],
  theme: [{ key: 'label', label: 'Theme', type: 'text' }],
  churn_risk: [
    { key: 'level', label: 'Level', type: 'select', options: ['low', 'medium', 'high'] },
    { key: 'reasons', label: 'Reasons (keys, comma-separated)', type: 'list' },
  ],
  expansion_intent: [
    { key: 'kind', label: 'Expansion kind (key)', type: 'text' },
    { key: 'size', label: 'Size', type: 'text' },
    { key: 'timing', label: 'Timing', type: 'text' },
  ],
  feature_request: [{ key: 'summary', label: 'Request', type: 'text' }],
  competitor: [{ key: 'name', label: 'Competitor', type: 'text' }],
  stakeholder: [
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'role', label: 'Role', type: 'text' },
    { key: 'champion_change', label: 'Champion changed', type: 'checkbox' },
  ],
  wants_human: [{ key: 'reason', label: 'Why', type: 'text' }],
};
const KINDS = Object.keys(FIELDS);
const NULLABLE = new Set(['size', 'timing', 'name', 'role', 'reason']);

/** The form's text for a stored value. */
function draftOf(value: Record<string, unknown>): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(value ?? {}))
    out[k] = typeof v === 'boolean' ? v : Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v);
  return out;
}

/** The value to send for a kind, from the form's text. */
function toValue(kind: string, draft: Record<string, string | boolean>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const f of FIELDS[kind] ?? []) {
    const raw = draft[f.key];
    if (f.type === 'checkbox') value[f.key] = raw === true;
    else if (f.type === 'list')
      value[f.key] = String(raw ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    else {
      const text = String(raw ?? '').trim();
      value[f.key] = text === '' && NULLABLE.has(f.key) ? null : text;
    }
  }
  return value;
}

/** "Correct…" on a signal: change its kind or value, or dismiss it. */
export function CorrectSignal({ signal, interviewId }: { signal: Schemas['SignalRow']; interviewId: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState(signal.kind);
  const [draft, setDraft] = useState(() => draftOf(signal.value));
  const formId = useId();
  const save = useMutation({
    mutationFn: (body: Correction) =>
      read(api.POST('/signals/{id}/corrections', { params: { path: { id: signal.id } }, body })),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['interview', interviewId] });
    },
  });
  if (!open)
    return (
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        Correct…
      </button>
    );
  return (
    <form
      className="review-form correct-signal"
      aria-label={`Correct ${humanize(signal.kind)}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ action: 'change', kind: kind as ChangedKind, value: toValue(kind, draft) });
      }}
    >
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {humanize(k)}
            </option>
          ))}
        </select>
      </label>
      {(FIELDS[kind] ?? []).map((f) => {
        const id = `${formId}-${f.key}`;
        return (
          <div key={f.key} className="field">
            <label htmlFor={id}>{f.label}</label>
            {f.type === 'select' ? (
              <select
                id={id}
                value={String(draft[f.key] ?? f.options?.[0] ?? '')}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              >
                {f.options?.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : f.type === 'checkbox' ? (
              <input
                id={id}
                type="checkbox"
                checked={draft[f.key] === true}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.checked })}
              />
            ) : (
              <input
                id={id}
                type="text"
                value={String(draft[f.key] ?? '')}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
            )}
          </div>
        );
      })}
      <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
        Save
      </button>
      <button
        type="button"
        className="button button-small button-danger-outline"
        disabled={save.isPending}
        onClick={() => save.mutate({ action: 'dismiss' })}
      >
        Dismiss signal
      </button>
      <button type="button" className="button button-small" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {save.isError ? (
        <p className="meta error-text" role="alert">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
