import type { Config } from '../config';

/** USD per 1M tokens. Equal numerically to micro-dollars per token, which is what we store. */
export type ModelPrice = { input: number; output: number };

/**
 * List prices of common OpenAI models (USD per 1M tokens, standard tier). Operators add or
 * override entries with CANDOR_MODEL_PRICES, e.g. for Azure deployments or local models
 * (price 0). A model missing from both costs 0 and is reported by `priceFor` as unknown.
 */
export const defaultModelPrices: Readonly<Record<string, ModelPrice>> = {
  'gpt-4.1': { input: 2.0, output: 8.0 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10.0 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-5': { input: 1.25, output: 10.0 },
  'gpt-5-mini': { input: 0.25, output: 2.0 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

/** The price of a model: the configured override, else the default table; dated snapshots match their base name. */
export function priceFor(config: Pick<Config, 'modelPrices'>, model: string): ModelPrice | undefined {
  const table = { ...defaultModelPrices, ...config.modelPrices };
  if (table[model]) return table[model];
  // "gpt-4.1-mini-2025-04-14" is billed like "gpt-4.1-mini".
  const base = model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
  return table[base];
}

/** Cost of one call in micro-dollars (integer), from its token usage. */
export function costMicros(
  config: Pick<Config, 'modelPrices'>,
  model: string,
  usage: { promptTokens: number; completionTokens: number },
): number {
  const price = priceFor(config, model);
  if (!price) return 0;
  return Math.round(usage.promptTokens * price.input + usage.completionTokens * price.output);
}
