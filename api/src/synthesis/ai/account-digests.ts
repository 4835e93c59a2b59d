import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { tenant, type Ws } from '../../db/tenant';
import { describeSignal } from '../../guides/signal-label';
import { citingSchema, type RefField } from '../../model-access/citing-schema';
import { EvidenceRefs, type EvidenceSignal, resolveClaims, selectEvidenceSignals } from './evidence';
import { addUsage, callSynthesisModel, DATA_RULE, dataBlock, noUsage, type Usage } from './synthesis-model';

/** Bumped whenever the map instructions or schema change; part of every digest's cache key. */
export const DIGEST_PROMPT_VERSION = 'digest-v1';
/** A digest reads an account's newest signals from the last year, at most this many. */
const MAX_SIGNALS = 120;
const DAY = 86_400_000;
/** Map calls in flight at once. */
const CONCURRENCY = 4;

const pointKinds = ['value', 'friction', 'risk', 'expansion', 'request', 'stakeholder', 'competitor', 'other'] as const;

/** The digest's output schema; `citation` is the field a signal ref goes in. */
function digestOutput(citation: RefField) {
  return z.object({
    summary: z.string().describe('Two sentences at most: where this account stands, in plain words'),
    points: z.array(
      z.object({
        kind: z.enum(pointKinds),
        text: z.string().describe('One finding, under 25 words; name who said it by role when it matters'),
        citations: z.array(citation).describe('Refs of the signals that prove it, e.g. ["S2", "S5"]'),
      }),
    ),
  });
}
export const digestOutputSchema = digestOutput(z.string());

/** An account's digest with every point's evidence resolved to signal ids. */
export type AccountDigest = {
  accountId: string;
  summary: string;
  points: { kind: (typeof pointKinds)[number]; text: string; signal_ids: string[] }[];
  /** The signals it read, newest first. */
  signals: EvidenceSignal[];
  cached: boolean;
  usage: Usage;
};

export type DigestRun = {
  digests: Map<string, AccountDigest>;
  /** Map calls made (accounts whose signal set was new); reused = served from the cache. */
  computed: number;
  reused: number;
  usage: Usage;
};

const INSTRUCTIONS = [
  "You condense what one customer account's people said in interviews into a digest for its Customer Success Manager.",
  DATA_RULE,
  'Each signal has a ref (S1, S2…), a kind, a short detail, who said it (name and role, when known), the date and the verbatim quote.',
  'Write a summary and up to 12 points: value they see, friction, risks of leaving, expansion, requests, stakeholders (who is positive or critical, a champion change, where the champion and end users disagree) and competitors.',
  'Every point cites the refs of the signals that prove it. Use only refs that appear in the data; never invent one. Leave out anything no signal proves.',
  'Facts only, no advice, no filler.',
].join('\n');

/** The newest signals of each account (last year, at most MAX_SIGNALS each). */
export async function loadAccountSignals(
  deps: Pick<AppDeps, 'db'>,
  ws: Ws,
  accountIds: readonly string[],
  now: Date,
): Promise<Map<string, EvidenceSignal[]>> {
  const byAccount = new Map<string, EvidenceSignal[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return byAccount;
  const rows = await selectEvidenceSignals(deps, ws)
    .where('signals.account_id', 'in', [...accountIds])
    .where('signals.created_at', '>', new Date(now.getTime() - 365 * DAY))
    .orderBy('signals.created_at', 'desc')
    .orderBy('signals.id')
    .execute();
  for (const row of rows) {
    const list = byAccount.get(row.account_id ?? '');
    if (list && list.length < MAX_SIGNALS) list.push({ ...row, account_id: row.account_id ?? '' });
  }
  return byAccount;
}

/** What a map-reduce run records with its artifact: calls made and reused, tokens per stage, claims dropped. */
export function mapReduceGeneration(
  map: DigestRun,
  reduce: { usage: Usage; attempts: number },
  claimsDropped: number,
): Record<string, unknown> {
  return {
    map_calls: map.computed,
    digests_reused: map.reused,
    map_prompt_tokens: map.usage.promptTokens,
    map_completion_tokens: map.usage.completionTokens,
    reduce_prompt_tokens: reduce.usage.promptTokens,
    reduce_completion_tokens: reduce.usage.completionTokens,
    reduce_attempts: reduce.attempts,
    claims_dropped: claimsDropped,
  };
}

/** The cache key of a digest: prompt version, model and the exact set of signals read. */
export function digestKey(model: string, signals: readonly EvidenceSignal[]): string {
  const ids = signals.map((s) => s.id).sort();
  return createHash('sha256')
    .update(`${DIGEST_PROMPT_VERSION}\n${model}\n${ids.join(',')}`)
    .digest('hex');
}

/**
 * The map step: one digest per account that has signals. A digest whose signal set was
 * seen before is read from the cache; only the rest call the model (a few at a time), so
 * a re-run costs only the accounts with new interviews. Throws SynthesisModelError when a
 * map call fails every attempt (digests already computed stay cached).
 */
export async function digestAccounts(
  deps: Pick<AppDeps, 'db' | 'log' | 'config'>,
  ws: Ws,
  signalsByAccount: Map<string, EvidenceSignal[]>,
  onDigest?: (done: number, total: number) => Promise<void> | void,
): Promise<DigestRun> {
  const model = deps.config.openai.synthesisModel;
  const wanted = [...signalsByAccount.entries()]
    .filter(([, signals]) => signals.length > 0)
    .map(([accountId, signals]) => ({ accountId, signals, key: digestKey(model, signals) }));
  const run: DigestRun = { digests: new Map(), computed: 0, reused: 0, usage: noUsage() };
  if (wanted.length === 0) return run;

  const cached = await tenant(deps.db, ws)
    .selectFrom('synthesis_digests')
    .select(['account_id', 'cache_key', 'content'])
    .where(
      'cache_key',
      'in',
      wanted.map((w) => w.key),
    )
    .execute();
  const hit = new Map(cached.map((c) => [`${c.account_id}:${c.cache_key}`, c.content]));
  const missing: typeof wanted = [];
  for (const w of wanted) {
    const content = hit.get(`${w.accountId}:${w.key}`) as Pick<AccountDigest, 'summary' | 'points'> | undefined;
    if (content) {
      run.digests.set(w.accountId, {
        accountId: w.accountId,
        ...content,
        signals: w.signals,
        cached: true,
        usage: noUsage(),
      });
      run.reused++;
    } else missing.push(w);
  }

  let done = run.reused;
  await onDigest?.(done, wanted.length);
  const queue = [...missing];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const digest = await computeDigest(deps, ws, next.accountId, next.key, next.signals);
      run.digests.set(next.accountId, digest);
      run.computed++;
      run.usage = addUsage(run.usage, digest.usage);
      done++;
      await onDigest?.(done, wanted.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, missing.length) }, worker));
  return run;
}

async function computeDigest(
  deps: Pick<AppDeps, 'db' | 'log' | 'config'>,
  ws: Ws,
  accountId: string,
  key: string,
  signals: EvidenceSignal[],
): Promise<AccountDigest> {
  const refs = new EvidenceRefs();
  const data = {
    signals: signals.map((s) => ({
      ref: refs.signal(s),
      kind: s.kind,
      detail: describeSignal(s.kind, s.value),
      said_by: speaker(s),
      date: s.created_at.toISOString().slice(0, 10),
      quote: s.quote,
    })),
  };
  const { output, usage, model } = await callSynthesisModel(deps, {
    purpose: 'account digest',
    instructions: INSTRUCTIONS,
    prompt: `Signals from one account's interviews, newest first:\n${dataBlock(data)}`,
    schema: citingSchema((ref) => digestOutput(ref(refs.all()))),
  });
  const points: AccountDigest['points'] = [];
  for (const p of output.points.slice(0, 12)) {
    const [item] = await resolveClaims(deps, ws, refs, [p], {
      artifact: 'account digest',
      section: p.kind,
      accountIds: [accountId],
    });
    if (item?.citations.length)
      points.push({ kind: p.kind, text: item.text, signal_ids: item.citations.map((c) => c.signal_id) });
  }
  const content = { summary: output.summary.trim().slice(0, 400), points };
  await tenant(deps.db, ws)
    .insertInto('synthesis_digests')
    .values({
      account_id: accountId,
      cache_key: key,
      prompt_version: DIGEST_PROMPT_VERSION,
      model,
      signal_ids: signals.map((s) => s.id),
      content,
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      cost_micros: usage.costMicros,
    })
    // Two generations racing over the same account store one digest.
    .onConflict((oc) => oc.columns(['workspace_id', 'account_id', 'cache_key']).doNothing())
    .execute();
  return { accountId, ...content, signals, cached: false, usage };
}

/** "Ada (champion)", or null when the contact is unknown. */
export function speaker(s: Pick<EvidenceSignal, 'contact_name' | 'contact_role'>): string | null {
  if (!s.contact_name && !s.contact_role) return null;
  return `${s.contact_name ?? 'Someone'}${s.contact_role ? ` (${s.contact_role})` : ''}`;
}
