import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { modelConfigured } from '../model-access/model-provider';
import { defaultModelPrices, priceFor } from '../pricing/model-prices';

/** Where calls go when OPENAI_BASE_URL is unset. */
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * The model set-up as an admin may see it: provider URL and models from the environment,
 * only *whether* a key is set (never the key), the workspace's interviewer choice, the
 * price table in use and what this calendar month (UTC) has cost so far.
 */
export async function getModelSettings(deps: Pick<AppDeps, 'db' | 'config' | 'now'>, ws: Ws) {
  const { openai, modelPrices } = deps.config;
  const now = deps.now();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const t = tenant(deps.db, ws);
  const [workspace, interviews, briefs] = await Promise.all([
    deps.db.selectFrom('workspaces').select('interviewer_mode').where('id', '=', ws.id).executeTakeFirstOrThrow(),
    t
      .selectFrom('interviews')
      .select([
        sql<string>`count(*) filter (where mode in ('ai', 'mixed'))`.as('ai_interviews'),
        sql<string>`count(*)`.as('interviews'),
        sql<string>`coalesce(sum(prompt_tokens), 0)`.as('prompt_tokens'),
        sql<string>`coalesce(sum(completion_tokens), 0)`.as('completion_tokens'),
        sql<string>`coalesce(sum(cost_micros), 0)`.as('cost_micros'),
      ])
      .where('last_activity_at', '>=', monthStart)
      .executeTakeFirstOrThrow(),
    t
      .selectFrom('briefs')
      .select([
        'model',
        sql<string>`count(*)`.as('n'),
        sql<string>`coalesce(sum(prompt_tokens), 0)`.as('prompt_tokens'),
        sql<string>`coalesce(sum(completion_tokens), 0)`.as('completion_tokens'),
      ])
      .where('created_at', '>=', monthStart)
      .where('model', 'is not', null)
      .groupBy('model')
      .execute(),
  ]);
  const briefCost = briefs.reduce((sum, b) => {
    const price = b.model ? priceFor(deps.config, b.model) : undefined;
    return price ? sum + Number(b.prompt_tokens) * price.input + Number(b.completion_tokens) * price.output : sum;
  }, 0);
  const inUse = new Set([openai.interviewModel, openai.synthesisModel]);
  const table = { ...defaultModelPrices, ...modelPrices };
  return {
    provider: {
      base_url: openai.baseUrl ?? DEFAULT_BASE_URL,
      base_url_from_env: openai.baseUrl !== undefined,
      api_key_set: openai.apiKey !== undefined,
      available: modelConfigured(deps.config),
    },
    interview_model: {
      name: openai.interviewModel,
      priced: priceFor(deps.config, openai.interviewModel) !== undefined,
    },
    synthesis_model: {
      name: openai.synthesisModel,
      priced: priceFor(deps.config, openai.synthesisModel) !== undefined,
    },
    interviewer_mode: workspace.interviewer_mode,
    prices: Object.entries(table)
      .map(([model, p]) => ({
        model,
        input_per_million: p.input,
        output_per_million: p.output,
        source: model in modelPrices ? ('CANDOR_MODEL_PRICES' as const) : ('default' as const),
        in_use: inUse.has(model) || [...inUse].some((m) => m.replace(/-\d{4}-\d{2}-\d{2}$/, '') === model),
      }))
      .sort((a, b) => Number(b.in_use) - Number(a.in_use) || a.model.localeCompare(b.model)),
    month: {
      since: monthStart.toISOString(),
      interviews: Number(interviews.interviews),
      ai_interviews: Number(interviews.ai_interviews),
      interview_tokens: Number(interviews.prompt_tokens) + Number(interviews.completion_tokens),
      interview_cost_micros: Number(interviews.cost_micros),
      briefs: briefs.reduce((n, b) => n + Number(b.n), 0),
      brief_tokens: briefs.reduce((n, b) => n + Number(b.prompt_tokens) + Number(b.completion_tokens), 0),
      brief_cost_micros: Math.round(briefCost),
    },
  };
}
