import { useState } from 'react';
import { humanize } from '../../components/format';
import type { Inputs, Task } from './operating-model-types';
import { ScrollTable } from './scroll-table';

const scoreKeys = ['frequency', 'consistency', 'judgement', 'data_availability', 'blast_radius'] as const;

/** The analyzer's, scorer's and baseline inputs, entered once and saved for the workspace. */
export function InputsEditor({
  inputs,
  saving,
  error,
  onSave,
}: {
  inputs: Inputs;
  saving: boolean;
  error: unknown;
  onSave: (inputs: Inputs) => void;
}) {
  const [draft, setDraft] = useState<Inputs>(inputs);
  const total = Object.values(draft.coverage.allocation).reduce((a, b) => a + b, 0);
  const setAllocation = (activity: string, value: number) =>
    setDraft({
      ...draft,
      coverage: { ...draft.coverage, allocation: { ...draft.coverage.allocation, [activity]: value } },
    });
  const setTask = (i: number, patch: Partial<Task>) =>
    setDraft({ ...draft, tasks: draft.tasks.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  const num = (v: string) => (v === '' ? 0 : Number(v));
  return (
    <section className="card" aria-labelledby="in-h">
      <h2 id="in-h">Inputs</h2>
      <form
        className="opmodel-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(draft);
        }}
      >
        <fieldset>
          <legend>Team and time allocation (% of the week)</legend>
          <label>
            CSMs (blank: count account owners)
            <input
              type="number"
              min={1}
              value={draft.coverage.csms ?? ''}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  coverage: { ...draft.coverage, csms: e.target.value ? Number(e.target.value) : null },
                })
              }
            />
          </label>
          <label>
            Book per CSM (blank: measured)
            <input
              type="number"
              min={1}
              value={draft.coverage.book_per_csm ?? ''}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  coverage: { ...draft.coverage, book_per_csm: e.target.value ? Number(e.target.value) : null },
                })
              }
            />
          </label>
          {Object.entries(draft.coverage.allocation).map(([activity, value]) => (
            <label key={activity}>
              {humanize(activity)}
              <input
                type="number"
                min={0}
                max={100}
                value={value}
                onChange={(e) => setAllocation(activity, num(e.target.value))}
              />
            </label>
          ))}
          <p className={total === 100 ? 'muted' : 'field-error'}>Total: {total}% (must be 100%)</p>
        </fieldset>
        <fieldset>
          <legend>Outcome targets and baseline</legend>
          <label>
            GRR target (%)
            <input
              type="number"
              min={0}
              max={100}
              value={Math.round(draft.targets.grr * 100)}
              onChange={(e) => setDraft({ ...draft, targets: { ...draft.targets, grr: num(e.target.value) / 100 } })}
            />
          </label>
          <label>
            NRR target (%)
            <input
              type="number"
              min={0}
              max={300}
              value={Math.round(draft.targets.nrr * 100)}
              onChange={(e) => setDraft({ ...draft, targets: { ...draft.targets, nrr: num(e.target.value) / 100 } })}
            />
          </label>
          <label>
            Previous survey response rate (%)
            <input
              type="number"
              min={0}
              max={100}
              step={0.1}
              value={
                draft.baseline.survey_response_rate === null
                  ? ''
                  : Math.round(draft.baseline.survey_response_rate * 1000) / 10
              }
              onChange={(e) =>
                setDraft({
                  ...draft,
                  baseline: {
                    ...draft.baseline,
                    survey_response_rate: e.target.value === '' ? null : Number(e.target.value) / 100,
                  },
                })
              }
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Recurring tasks (scores 1–5)</legend>
          <ScrollTable>
            <table>
              <thead>
                <tr>
                  <th>Task</th>
                  <th>h/month</th>
                  {scoreKeys.map((k) => (
                    <th key={k}>{humanize(k)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {draft.tasks.map((t, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows never move, and a name key would lose focus while typing it
                  <tr key={i}>
                    <td>
                      <input
                        aria-label="Task name"
                        value={t.name}
                        onChange={(e) => setTask(i, { name: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t.name} hours per month`}
                        type="number"
                        min={0}
                        value={t.hours_per_month}
                        onChange={(e) => setTask(i, { hours_per_month: num(e.target.value) })}
                      />
                    </td>
                    {scoreKeys.map((k) => (
                      <td key={k}>
                        <input
                          aria-label={`${t.name} ${humanize(k)}`}
                          type="number"
                          min={1}
                          max={5}
                          value={t[k]}
                          onChange={(e) => setTask(i, { [k]: num(e.target.value) })}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </fieldset>
        {error ? (
          <p className="field-error" role="alert">
            {error instanceof Error ? error.message : 'Could not save.'}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save inputs'}
        </button>
      </form>
    </section>
  );
}
