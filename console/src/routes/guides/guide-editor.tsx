import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, api, type RequestBody, read } from '../../api';
import {
  freshTopicKey,
  type GuideDraft,
  type TaxonomyDraft,
  type TopicAnswer,
  type TopicDraft,
  toDraft,
  toPatch,
  topicAnswers,
} from './guide-form';

function Field({
  label,
  value,
  onChange,
  multiline = false,
  type = 'text',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  multiline?: boolean;
  type?: 'text' | 'number';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

function TopicEditor({
  topic,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  topic: TopicDraft;
  index: number;
  count: number;
  onChange: (t: TopicDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const requiredId = useId();
  const answerId = useId();
  const n = index + 1;
  const rating = topic.answer !== 'open';
  return (
    <fieldset className="topic">
      <legend>
        Topic {n} <span className="meta">({topic.key})</span>
      </legend>
      <div className="field">
        <label htmlFor={answerId}>{`Topic ${n} answer`}</label>
        <select
          id={answerId}
          value={topic.answer}
          onChange={(e) => onChange({ ...topic, answer: e.target.value as TopicAnswer })}
        >
          {topicAnswers.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
        {rating ? (
          <p className="meta">
            Customers pick a score on a scale under the question (or type it), then are asked for the reason.
          </p>
        ) : null}
      </div>
      <Field
        label={`Topic ${n} question`}
        value={topic.question}
        onChange={(question) => onChange({ ...topic, question })}
        multiline
      />
      <Field
        label={`Topic ${n} probing`}
        value={topic.probing}
        onChange={(probing) => onChange({ ...topic, probing })}
        multiline
      />
      <Field
        label={rating ? `Topic ${n} follow-up (asked when no score was given)` : `Topic ${n} follow-up`}
        value={topic.follow_up}
        onChange={(follow_up) => onChange({ ...topic, follow_up })}
      />
      <div className="topic-actions">
        <label htmlFor={requiredId}>
          <input
            id={requiredId}
            type="checkbox"
            checked={topic.required}
            onChange={(e) => onChange({ ...topic, required: e.target.checked })}
          />{' '}
          Required
        </label>
        <button
          type="button"
          className="button"
          onClick={() => onMove(-1)}
          disabled={index === 0}
          aria-label={`Move topic ${n} up`}
        >
          ↑ Up
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onMove(1)}
          disabled={index === count - 1}
          aria-label={`Move topic ${n} down`}
        >
          ↓ Down
        </button>
        <button
          type="button"
          className="button"
          onClick={onRemove}
          disabled={count <= 1}
          aria-label={`Remove topic ${n}`}
        >
          Remove
        </button>
      </div>
    </fieldset>
  );
}

function TaxonomyEditor({
  title,
  entries,
  onChange,
}: {
  title: string;
  entries: TaxonomyDraft[];
  onChange: (e: TaxonomyDraft[]) => void;
}) {
  return (
    <fieldset>
      <legend>{title}</legend>
      {entries.length === 0 ? <p className="meta">None.</p> : null}
      {entries.map((e, i) => (
        <Field
          key={e.key}
          label={`${e.label} keywords (comma-separated)`}
          value={e.keywords}
          onChange={(keywords) => onChange(entries.map((x, j) => (j === i ? { ...x, keywords } : x)))}
        />
      ))}
    </fieldset>
  );
}

/** The guide's design as a form; Save stores it as the guide's next version. */
export function GuideEditor({
  guideId,
  definition,
  version,
}: {
  guideId: string;
  definition: Record<string, unknown>;
  version: number;
}) {
  const [draft, setDraft] = useState<GuideDraft>(() => toDraft(definition));
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (d: GuideDraft) =>
      read(
        api.PATCH('/guides/{id}', {
          params: { path: { id: guideId } },
          // The draft keeps what was typed (a number field may hold text): the server names the field at fault.
          body: toPatch(d) as RequestBody<'/guides/{id}', 'patch'>,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['guide', guideId] }),
  });
  const set = <K extends keyof GuideDraft>(key: K, value: GuideDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setTopics = (f: (topics: TopicDraft[]) => TopicDraft[]) => setDraft((d) => ({ ...d, topics: f(d.topics) }));
  const move = (i: number, delta: -1 | 1) =>
    setTopics((topics) => {
      const next = [...topics];
      const [t] = next.splice(i, 1);
      if (t) next.splice(i + delta, 0, t);
      return next;
    });

  return (
    <form
      className="guide-form"
      aria-label="Edit guide"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <p className="meta">
        Editing from v{version}. Saving stores a new version; interviews keep the version they ran.
      </p>
      <Field label="Name" value={draft.name} onChange={(v) => set('name', v)} />
      <Field label="Objective" value={draft.objective} onChange={(v) => set('objective', v)} multiline />
      <Field
        label="Opening message"
        value={draft.opening_message}
        onChange={(v) => set('opening_message', v)}
        multiline
      />
      <Field
        label="Closing message"
        value={draft.closing_message}
        onChange={(v) => set('closing_message', v)}
        multiline
      />
      <h3>Topics</h3>
      {draft.topics.map((t, i) => (
        <TopicEditor
          key={t.key}
          topic={t}
          index={i}
          count={draft.topics.length}
          onChange={(next) => setTopics((topics) => topics.map((x, j) => (j === i ? next : x)))}
          onMove={(delta) => move(i, delta)}
          onRemove={() => setTopics((topics) => topics.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        className="button"
        disabled={draft.topics.length >= 8}
        onClick={() =>
          setTopics((topics) => [
            ...topics,
            { key: freshTopicKey(topics), answer: 'open', question: '', probing: '', follow_up: '', required: false },
          ])
        }
      >
        Add topic
      </button>
      <h3>Limits</h3>
      <div className="field-row">
        <Field label="Max customer turns" type="number" value={draft.max_turns} onChange={(v) => set('max_turns', v)} />
        <Field label="Max minutes" type="number" value={draft.max_minutes} onChange={(v) => set('max_minutes', v)} />
      </div>
      <h3>Taxonomy</h3>
      <TaxonomyEditor title="Churn reasons" entries={draft.churn_reasons} onChange={(v) => set('churn_reasons', v)} />
      <TaxonomyEditor
        title="Expansion kinds"
        entries={draft.expansion_kinds}
        onChange={(v) => set('expansion_kinds', v)}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save as new version'}
        </button>
        <span role="status" aria-live="polite">
          {save.isSuccess && !save.isPending ? `Saved as v${save.data.version}.` : ''}
        </span>
      </div>
      {save.isError ? (
        <div className="state error" role="alert">
          <strong>Not saved.</strong>
          <span>{save.error instanceof ApiError ? save.error.message : 'Something went wrong.'}</span>
        </div>
      ) : null}
    </form>
  );
}
