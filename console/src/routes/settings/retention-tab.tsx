import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, type RequestBody, read, type Schemas } from '../../api';
import { formatDateTime } from '../../components/format';
import { ActionError } from './secret-parts';

type SettingsOverview = Schemas['SettingsOverview'];
type RetentionDays = RequestBody<'/settings/workspace', 'patch'>['retention_days'];

const periodLabel = (days: number) =>
  days % 365 === 0 ? `${days / 365} year${days === 365 ? '' : 's'}` : `${days} days`;

/** Transcript retention: how long interviews keep their words, what goes and what stays. */
export function RetentionTab({ settings }: { settings: SettingsOverview }) {
  const queryClient = useQueryClient();
  const selectId = useId();
  const saved = settings.workspace.retention_days;
  const [days, setDays] = useState<string>(saved === null ? 'off' : String(saved));
  const save = useMutation({
    mutationFn: () =>
      read(
        api.PATCH('/settings/workspace', {
          // One of the server's own choices (the select offers no other); the server checks it anyway.
          body: { retention_days: (days === 'off' ? null : Number(days)) as RetentionDays },
        }),
      ),
    onSuccess: (saved) =>
      queryClient.setQueryData<SettingsOverview>(['settings'], (old) =>
        old ? { ...old, workspace: { ...old.workspace, ...saved } } : old,
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const current =
    saved === null ? 'Off: transcripts are kept' : `${periodLabel(saved)} after an interview's last activity`;
  return (
    <div className="settings-stack">
      <form className="card form" onSubmit={submit} aria-labelledby="retention-h">
        <div className="card-title">
          <div>
            <h2 id="retention-h">Transcript retention</h2>
            <p className="meta">
              Erases what customers said once interviews are old enough. Runs every night; the change applies from the
              next run.
            </p>
          </div>
          <span className={`pill ${saved === null ? 'pill-neutral' : 'pill-good'}`}>{current}</span>
        </div>
        <div className="inline-form">
          <div className="field">
            <label htmlFor={selectId}>Erase transcripts after</label>
            <select id={selectId} value={days} onChange={(e) => setDays(e.target.value)}>
              <option value="off">Never (off)</option>
              {settings.retention.choices.map((d) => (
                <option key={d} value={String(d)}>
                  {periodLabel(d)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={save.isPending || days === (saved === null ? 'off' : String(saved))}
          >
            {save.isPending ? 'Saving…' : 'Save retention'}
          </button>
        </div>
        <ActionError error={save.error} />
        {save.isSuccess ? (
          <p className="form-success" role="status">
            Saved.{' '}
            {save.data.retention_days === null
              ? 'Transcripts are kept.'
              : `Transcripts older than ${periodLabel(save.data.retention_days)} will be erased tonight.`}
          </p>
        ) : null}
        <p className="meta">
          {settings.retention.erased_interviews.toLocaleString()} interview
          {settings.retention.erased_interviews === 1 ? '' : 's'} erased so far
          {settings.retention.last_run
            ? ` · last run ${formatDateTime(settings.retention.last_run.at)} erased ${settings.retention.last_run.interviews}`
            : ''}
          .
        </p>
      </form>
      <div className="grid settings-split even">
        <section className="card" aria-labelledby="erased-h">
          <h2 id="erased-h">What is erased</h2>
          <ul className="bullets">
            <li>
              The text of every message: the customer's answers and the interviewer's lines, which can repeat them
            </li>
            <li>The quotes behind signals, and stakeholders' names</li>
            <li>Quotes copied into briefs, health reasons and the review queue</li>
            <li>The bodies of old webhook deliveries</li>
          </ul>
        </section>
        <section className="card" aria-labelledby="kept-h">
          <h2 id="kept-h">What is kept</h2>
          <ul className="bullets">
            <li>Each interview: guide, status, mode, channel, dates, token use and cost</li>
            <li>How many messages there were, and when</li>
            <li>Each signal's kind and value (churn reasons, expansion, feature requests), without the quote</li>
            <li>So response and completion rates, insights, trends and health keep adding up</li>
          </ul>
        </section>
      </div>
    </div>
  );
}
