import type { Signal } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { getGuideVersion } from '../guides/guide-store';
import { modelConfigured } from '../model-access/model-provider';
import { costMicros } from '../pricing/model-prices';
import {
  EXTRACTION_PROMPT_VERSION,
  ExtractionModelError,
  extractWithModel,
  type TranscriptLine,
} from './ai-extraction';
import { extractWithRules } from './rules-extraction';
import { correctedKinds } from './signal-corrections';

export type ExtractionResult = {
  source: 'ai' | 'rules';
  stored: number;
  /** Signals dropped because their quote is not verbatim in the cited message (or the item was malformed). */
  dropped: number;
  model: string | null;
  /** Why rules extracted although a model is configured; null when the model's signals stood or none was asked. */
  fallbackReason: string | null;
  promptTokens: number;
  completionTokens: number;
};

type Deps = Pick<AppDeps, 'db' | 'config' | 'log'>;

/** Strips wrapping quotation marks and whitespace a model tends to add around a quote. */
function cleanQuote(quote: string): string {
  return quote
    .trim()
    .replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/gu, '')
    .trim();
}

/** Keeps only signals whose quote occurs verbatim in the customer message they cite. */
function keepVerbatim(signals: Signal[], messages: Map<string, string>): { kept: Signal[]; dropped: Signal[] } {
  const kept: Signal[] = [];
  const dropped: Signal[] = [];
  for (const s of signals) {
    const text = messages.get(s.message_id);
    const quote = cleanQuote(s.quote);
    if (text !== undefined && quote.length > 0 && text.includes(quote)) kept.push({ ...s, quote });
    else dropped.push(s);
  }
  return { kept, dropped };
}

/**
 * The interviewer handed this interview to a person (the customer asked for one): that
 * request is a signal of its own, cited to the message, even where the keyword rules or
 * the model missed it — so health, briefs and reports hear of it like any other.
 */
async function handoffSignal(
  deps: Deps,
  ws: Ws,
  interviewId: string,
  kept: Signal[],
  verbatim: Map<string, string>,
): Promise<Signal[]> {
  if (kept.some((s) => s.kind === 'wants_human')) return [];
  const item = await tenant(deps.db, ws)
    .selectFrom('review_items')
    .select('evidence')
    .where('kind', '=', 'handoff')
    .where('dedupe_key', '=', `wants_human:${interviewId}`)
    .executeTakeFirst();
  const evidence = (item?.evidence as { message_id?: string; quote?: string }[] | undefined)?.[0];
  const text = evidence?.message_id ? verbatim.get(evidence.message_id) : undefined;
  if (!evidence?.message_id || !text) return [];
  const quote = text.trim().slice(0, 500);
  return [{ kind: 'wants_human', value: { reason: null }, quote, message_id: evidence.message_id, confidence: 1 }];
}

function logDropped(log: Deps['log'], dropped: Signal[], source: 'ai' | 'rules') {
  // Which signal, never its text: customer words stay out of info-level logs.
  for (const s of dropped)
    log.warn({ kind: s.kind, messageId: s.message_id, source }, 'dropped a signal whose quote is not verbatim');
}

/**
 * Extracts the interview's signals and REPLACES whatever was stored for it, in one
 * transaction (so re-running is idempotent). With a model configured it uses structured
 * AI extraction; without one, when the provider fails, or when the caller asks for rules
 * only (the demo seed, which must not wait on a model), keyword/taxonomy rules.
 */
export async function extractSignals(
  deps: Deps,
  ws: Ws,
  interviewId: string,
  options: { rulesOnly?: boolean } = {},
): Promise<ExtractionResult> {
  const t = tenant(deps.db, ws);
  const interview = await t
    .selectFrom('interviews')
    .select(['id', 'guide_version_id', 'account_id', 'contact_id'])
    .where('id', '=', interviewId)
    .executeTakeFirst();
  if (!interview) throw notFound('Interview');
  const guide = (await getGuideVersion(deps.db, ws, interview.guide_version_id)).body;
  const rows = await t
    .selectFrom('messages')
    .select(['id', 'role', 'text'])
    .where('interview_id', '=', interviewId)
    .orderBy('seq')
    .execute();
  const lines: TranscriptLine[] = rows.map((r) => ({ id: r.id, role: r.role, text: r.text }));
  const customer = lines.filter((l) => l.role === 'customer');
  const log = deps.log.child({ interviewId, workspaceId: ws.id });

  let result: ExtractionResult = {
    source: 'rules',
    stored: 0,
    dropped: 0,
    model: null,
    fallbackReason: null,
    promptTokens: 0,
    completionTokens: 0,
  };
  const verbatim = new Map(customer.map((m) => [m.id, m.text]));
  let kept: Signal[] = [];
  if (customer.length > 0 && modelConfigured(deps.config) && !options.rulesOnly) {
    try {
      const ai = await extractWithModel(deps, guide, lines);
      result = { ...result, source: 'ai', dropped: ai.rejected, model: ai.model };
      result.promptTokens = ai.promptTokens;
      result.completionTokens = ai.completionTokens;
      const checked = keepVerbatim(ai.signals, verbatim);
      logDropped(log, checked.dropped, 'ai');
      result.dropped += checked.dropped.length;
      kept = checked.kept;
      const answered = ai.signals.length + ai.rejected;
      // An answer in which nothing survives the checks is a failed extraction, not "nothing said".
      if (answered > 0 && kept.length === 0) {
        result.source = 'rules';
        result.fallbackReason = `none of the model's ${answered} signal${answered === 1 ? '' : 's'} cited a customer message and quoted it verbatim`;
        log.warn({ answered }, 'AI extraction kept no signal; using rules extraction');
      }
    } catch (err) {
      // The reason names the failure only: the provider's error can echo the prompt.
      const reason = err instanceof ExtractionModelError ? err.reason : 'unknown error';
      result.fallbackReason = `the model call failed (${reason})`;
      log.warn({ reason }, 'AI extraction failed; using rules extraction');
    }
  }
  if (result.source === 'rules') {
    const checked = keepVerbatim(extractWithRules(customer, guide.taxonomy), verbatim);
    logDropped(log, checked.dropped, 'rules');
    result.dropped += checked.dropped.length;
    kept = checked.kept;
  }
  const handoff = await handoffSignal(deps, ws, interviewId, kept, verbatim);
  const fromRules = (s: Signal) => result.source === 'rules' || handoff.includes(s);
  kept.push(...handoff);
  result.stored = kept.length;

  const cost = result.model
    ? costMicros(deps.config, result.model, {
        promptTokens: result.promptTokens,
        completionTokens: result.completionTokens,
      })
    : 0;
  await deps.db.transaction().execute(async (trx) => {
    const tx = tenant(trx, ws);
    // The row lock serializes concurrent runs for one interview, so the last one wins whole.
    await tx.selectFrom('interviews').select('id').where('id', '=', interviewId).forUpdate().executeTakeFirst();
    // What a CSM corrected stays: their signals are kept, and nothing new of a kind they ruled on is written there.
    // Ratings were recorded from the customer's own choice during the interview; extraction never rewrites them.
    await tx
      .deleteFrom('signals')
      .where('interview_id', '=', interviewId)
      .where('corrected_at', 'is', null)
      .where('kind', '!=', 'rating')
      .execute();
    const ruled = await correctedKinds(trx, ws, interviewId);
    const fresh = kept.filter((s) => !ruled.has(`${s.message_id}:${s.kind}`));
    result.stored = fresh.length;
    if (fresh.length > 0) {
      await tx
        .insertInto('signals')
        .values(
          fresh.map((s) => ({
            interview_id: interviewId,
            account_id: interview.account_id,
            contact_id: interview.contact_id,
            kind: s.kind,
            value: s.value,
            quote: s.quote,
            message_id: s.message_id,
            confidence: s.confidence,
            source: fromRules(s) ? ('rules' as const) : ('ai' as const),
            model: fromRules(s) ? null : result.model,
            prompt_version: fromRules(s) ? null : EXTRACTION_PROMPT_VERSION,
          })),
        )
        .execute();
    }
    await tx
      .updateTable('interviews')
      .set({ extraction_fallback_reason: result.fallbackReason })
      .where('id', '=', interviewId)
      .execute();
    if (result.promptTokens || result.completionTokens) {
      await tx
        .updateTable('interviews')
        .set((eb) => ({
          prompt_tokens: eb('prompt_tokens', '+', result.promptTokens),
          completion_tokens: eb('completion_tokens', '+', result.completionTokens),
          cost_micros: eb('cost_micros', '+', String(cost)),
        }))
        .where('id', '=', interviewId)
        .execute();
    }
  });
  log.info(
    {
      source: result.source,
      stored: result.stored,
      dropped: result.dropped,
      model: result.model,
      fallback: result.fallbackReason !== null,
    },
    'interview signals extracted',
  );
  return result;
}
