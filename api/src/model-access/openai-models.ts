import { createOpenAI } from '@ai-sdk/openai';
import type { Config } from '../config';

/**
 * Whether a model is available at all: an API key, or a base URL of an OpenAI-compatible
 * server that needs none (a local Ollama or vLLM). Interviews, extraction and synthesis
 * all ask this one question, so they switch to AI or rules together.
 */
export function modelConfigured(config: Config): boolean {
  return Boolean(config.openai.apiKey || config.openai.baseUrl);
}

// One provider per configuration, built on first use: every interview turn asks for one.
const providers = new WeakMap<Config, ReturnType<typeof createOpenAI>>();

function provider(config: Config) {
  let built = providers.get(config);
  if (!built) {
    built = createOpenAI({
      // A keyless local server still gets a placeholder: the SDK refuses to call without one.
      apiKey: config.openai.apiKey ?? 'not-needed',
      ...(config.openai.baseUrl ? { baseURL: config.openai.baseUrl } : {}),
    });
    providers.set(config, built);
  }
  return built;
}

/** The model that runs interviews, over Chat Completions (what every compatible server speaks). */
export function interviewModel(config: Config) {
  return provider(config).chat(config.openai.interviewModel);
}

/**
 * The model for extraction and synthesis: Chat Completions on a compatible server, the
 * Responses API on OpenAI itself.
 */
export function synthesisModel(config: Config) {
  const id = config.openai.synthesisModel;
  return config.openai.baseUrl ? provider(config).chat(id) : provider(config)(id);
}
