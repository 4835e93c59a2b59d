import type { ExtractionOutput, GuideBody, Signal } from '@candor/shared';
import { setupServer } from 'msw/node';
import { loadConfig } from '../api/src/config';
import { extractWithModel } from '../api/src/extraction/ai-extraction';
import { labelledSentences } from '../api/src/extraction/eval/labelled-set';
import { EVAL_MESSAGE_ID } from '../api/src/extraction/eval/rules-eval';
import { type KindScore, score } from '../api/src/extraction/eval/score';
import { extractWithRules } from '../api/src/extraction/rules-extraction';
import { standardTaxonomy } from '../api/src/guides/templates/taxonomy';
import { createLogger } from '../api/src/log';
import { mockOpenAI } from '../tests/msw/openai';

/**
 * AI-with-stub: the AI extraction path end to end (prompt, JSON schema with citation enums,
 * the OpenAI HTTP API, validation and mapping back to signals) with a deterministic stub
 * model at the HTTP boundary. The stub answers with the rules' findings for each cited
 * customer line, so these figures measure what the AI path keeps or drops, not how good a
 * real model is. Run the extraction against a real model to measure that.
 */
export async function evalAiWithStub(): Promise<KindScore[]> {
  const server = setupServer();
  server.listen({ onUnhandledFrame: 'error' });
  mockOpenAI(server, {
    chat: (call) => ({ json: stubAnswer(call.promptText) }),
    responses: (call) => ({ json: stubAnswer(call.promptText) }),
  });
  const config = loadConfig({
    ...process.env,
    OPENAI_API_KEY: 'stub',
    OPENAI_BASE_URL: 'http://model-stub.invalid/v1',
  });
  // Extraction reads only the guide's objective and taxonomy.
  const guide = { objective: 'Understand renewal risk', taxonomy: standardTaxonomy };
  const results = new Map<string, Signal[]>();
  try {
    for (const s of labelledSentences) {
      const lines = [
        { role: 'interviewer' as const, text: 'How is it going?', id: '00000000-0000-4000-8000-000000000002' },
        { role: 'customer' as const, text: s.text, id: EVAL_MESSAGE_ID },
      ];
      results.set(
        s.text,
        (await extractWithModel({ config, log: createLogger('silent') }, guide as unknown as GuideBody, lines)).signals,
      );
    }
  } finally {
    server.close();
  }
  return score(labelledSentences, (s) => results.get(s.text) ?? []).kinds;
}

/** The stub model: rules over each customer line of the transcript, in the model's output shape. */
export function stubAnswer(prompt: string): ExtractionOutput {
  const json = /<transcript>\n([\s\S]*)\n<\/transcript>/.exec(prompt)?.[1] ?? '[]';
  const lines = JSON.parse(json) as { ref?: string; text: string }[];
  const flat = {
    polarity: null,
    label: null,
    level: null,
    reasons: null,
    expansion_kind: null,
    size: null,
    timing: null,
    role: null,
    champion_change: null,
  };
  return {
    signals: lines.flatMap((line) =>
      line.ref
        ? extractWithRules([{ id: EVAL_MESSAGE_ID, text: line.text }], standardTaxonomy).map((s) => {
            const base = {
              ...flat,
              kind: s.kind,
              message_ref: line.ref ?? '',
              quote: s.quote,
              confidence: s.confidence,
            };
            switch (s.kind) {
              case 'sentiment':
                return { ...base, polarity: s.value.polarity };
              case 'theme':
                return { ...base, label: s.value.label };
              case 'churn_risk':
                return { ...base, level: s.value.level, reasons: s.value.reasons };
              case 'expansion_intent':
                return { ...base, expansion_kind: s.value.kind, size: s.value.size, timing: s.value.timing };
              case 'feature_request':
                return { ...base, label: s.value.summary };
              case 'competitor':
                return { ...base, label: s.value.name };
              case 'stakeholder':
                return { ...base, label: s.value.name, role: s.value.role, champion_change: s.value.champion_change };
              default:
                return { ...base, label: s.value.reason };
            }
          })
        : [],
    ),
  };
}
