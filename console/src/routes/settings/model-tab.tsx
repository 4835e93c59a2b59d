import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, read, type Schemas } from '../../api';
import { formatDay } from '../../components/format';
import { QueryView } from '../../components/states';
import { ActionError } from './secret-parts';

const usd = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
const perMillion = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 3 });
const count = new Intl.NumberFormat();
const micros = (n: number) => usd.format(n / 1_000_000);

/** The model set-up (from the environment; the key only as set or not), the interviewer choice, prices and spend. */
export function ModelTab() {
  const queryClient = useQueryClient();
  // The radio shows the choice in the same render as the click: the mutation's pending state
  // arrives a tick later, and a controlled radio would flick back to the old mode meanwhile.
  const [picked, setPicked] = useState<'ai' | 'scripted'>();
  const model = useQuery({ queryKey: ['settings', 'model'], queryFn: () => read(api.GET('/settings/model')) });
  const choose = useMutation({
    mutationFn: (mode: 'ai' | 'scripted') =>
      read(api.PATCH('/settings/workspace', { body: { interviewer_mode: mode } })),
    onSuccess: (saved) => {
      // The answer is the new truth: show it at once instead of flicking back until a refetch.
      queryClient.setQueryData<Schemas['ModelSettings']>(['settings', 'model'], (old) =>
        old ? { ...old, interviewer_mode: saved.interviewer_mode } : old,
      );
      queryClient.invalidateQueries({ queryKey: ['settings'], exact: true });
    },
    onError: () => setPicked(undefined),
  });
  const pick = (mode: 'ai' | 'scripted') => {
    setPicked(mode);
    choose.mutate(mode);
  };
  return (
    <QueryView query={model}>
      {(m) => {
        const mode = picked ?? m.interviewer_mode;
        return (
          <div className="settings-stack">
            <div className="grid settings-split">
              <section className="card" aria-labelledby="provider-h">
                <div className="card-title">
                  <h2 id="provider-h">Provider</h2>
                  <span className={`pill ${m.provider.available ? 'pill-good' : 'pill-warn'}`}>
                    {m.provider.available ? 'Model available' : 'No model: scripted only'}
                  </span>
                </div>
                <dl className="facts">
                  <dt>Base URL</dt>
                  <dd>
                    <code>{m.provider.base_url}</code>
                    {m.provider.base_url_from_env ? null : <small>Default (OPENAI_BASE_URL is not set)</small>}
                  </dd>
                  <dt>API key</dt>
                  <dd>
                    <span className={`pill ${m.provider.api_key_set ? 'pill-good' : 'pill-neutral'}`}>
                      {m.provider.api_key_set ? 'Set' : 'Not set'}
                    </span>
                    <small>OPENAI_API_KEY; its value is never shown.</small>
                  </dd>
                  <dt>Interview model</dt>
                  <dd>
                    <code>{m.interview_model.name}</code>
                    {m.interview_model.priced ? null : <small>Not in the price table: counted as free</small>}
                  </dd>
                  <dt>Synthesis model</dt>
                  <dd>
                    <code>{m.synthesis_model.name}</code>
                    {m.synthesis_model.priced ? null : <small>Not in the price table: counted as free</small>}
                  </dd>
                </dl>
                <p className="meta">
                  Set by the operator in the environment (CANDOR_INTERVIEW_MODEL, CANDOR_SYNTHESIS_MODEL).
                </p>
              </section>

              <section className="card" aria-labelledby="interviewer-h">
                <h2 id="interviewer-h">Interviewer for this workspace</h2>
                <fieldset className="choice-cards" disabled={choose.isPending}>
                  <legend className="visually-hidden">Interviewer</legend>
                  <label className={`choice ${mode === 'ai' ? 'chosen' : ''}`}>
                    <input type="radio" name="interviewer" checked={mode === 'ai'} onChange={() => pick('ai')} />
                    <span>
                      <strong>AI interviewer</strong>
                      <small>
                        Follows the guide in its own words and probes like a person.
                        {m.provider.available
                          ? ''
                          : ' Needs a model: until one is configured, interviews stay scripted.'}
                      </small>
                    </span>
                  </label>
                  <label className={`choice ${mode === 'scripted' ? 'chosen' : ''}`}>
                    <input
                      type="radio"
                      name="interviewer"
                      checked={mode === 'scripted'}
                      onChange={() => pick('scripted')}
                    />
                    <span>
                      <strong>Scripted interviewer</strong>
                      <small>
                        The guide's questions verbatim with rule-based follow-ups. No model calls while interviewing.
                      </small>
                    </span>
                  </label>
                </fieldset>
                <ActionError error={choose.error} />
                <p className="meta">
                  Applies from the next reply of every interview. Extraction and briefs still use the model when one is
                  set.
                </p>
              </section>
            </div>

            <section className="card" aria-labelledby="month-h">
              <h2 id="month-h">This month so far</h2>
              <p className="meta">Since {formatDay(m.month.since)} (UTC), at the prices below.</p>
              <div className="kpis compact">
                <div className="kpi">
                  <div className="label">Interviews</div>
                  <div className="value">{count.format(m.month.interviews)}</div>
                  <div className="hint">{count.format(m.month.ai_interviews)} with the AI interviewer</div>
                </div>
                <div className="kpi">
                  <div className="label">Interview tokens</div>
                  <div className="value">{count.format(m.month.interview_tokens)}</div>
                  <div className="hint">{micros(m.month.interview_cost_micros)}</div>
                </div>
                <div className="kpi">
                  <div className="label">Briefs written</div>
                  <div className="value">{count.format(m.month.briefs)}</div>
                  <div className="hint">
                    {count.format(m.month.brief_tokens)} tokens · {micros(m.month.brief_cost_micros)}
                  </div>
                </div>
                <div className="kpi">
                  <div className="label">Model spend</div>
                  <div className="value">{micros(m.month.interview_cost_micros + m.month.brief_cost_micros)}</div>
                  <div className="hint">Interviews and briefs</div>
                </div>
              </div>
            </section>

            <section className="card" aria-labelledby="prices-h">
              <h2 id="prices-h">Price table in use</h2>
              <p className="meta">
                USD per million tokens. Operators add or override models with CANDOR_MODEL_PRICES (e.g. a local model at
                0).
              </p>
              <div className="table-wrap flat">
                <table>
                  <thead>
                    <tr>
                      <th>Model</th>
                      <th className="num">Input</th>
                      <th className="num">Output</th>
                      <th>Source</th>
                      <th>
                        <span className="visually-hidden">In use</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.prices.map((p) => (
                      <tr key={p.model}>
                        <td>
                          <code>{p.model}</code>
                        </td>
                        <td className="num">{perMillion.format(p.input_per_million)}</td>
                        <td className="num">{perMillion.format(p.output_per_million)}</td>
                        <td>{p.source === 'default' ? 'List price' : 'CANDOR_MODEL_PRICES'}</td>
                        <td>{p.in_use ? <span className="pill pill-info">In use</span> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </div>
        );
      }}
    </QueryView>
  );
}
