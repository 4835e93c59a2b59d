import type { Server } from 'node:http';
import { tenant } from '@candor/api/db/tenant';
import { createTestWorkspace, databaseKind, readJson, startTestApp } from '../tests/support/harness';
import { purposeOf, type SynthesisPurpose, synthesisReply } from '../tests/support/synthesis-replies';
import { listenChatCompletions, sendCompletion } from './support/chat-completions';
import { addInterviews, seedBook } from './weekly-briefing-data';

type Tally = { calls: number; prompt: number; completion: number };

/**
 * An OpenAI-compatible Chat Completions server that answers at once with valid structured
 * output citing refs from the prompt, and reports usage as characters / 4 (a fair
 * approximation of real tokenization). It tallies calls and tokens per synthesis step.
 */
async function startStubModel(): Promise<{ server: Server; url: string; tally: Map<SynthesisPurpose, Tally> }> {
  const tally = new Map<SynthesisPurpose, Tally>();
  const { server, url } = await listenChatCompletions((body, _raw, res) => {
    const promptText = (body.messages ?? []).map((m) => String(m.content)).join('\n');
    const purpose = purposeOf(promptText);
    const content = JSON.stringify(synthesisReply(promptText));
    const usage = {
      prompt_tokens: Math.ceil(promptText.length / 4),
      completion_tokens: Math.ceil(content.length / 4),
    };
    const t = tally.get(purpose) ?? { calls: 0, prompt: 0, completion: 0 };
    tally.set(purpose, {
      calls: t.calls + 1,
      prompt: t.prompt + usage.prompt_tokens,
      completion: t.completion + usage.completion_tokens,
    });
    sendCompletion(res, body.model, content, usage);
  });
  return { server, url, tally };
}

const num = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * `bench/weekly-briefing`: one CSM with 80 accounts and 2,000 interviews of synthetic
 * signals, a stub model answering at once. Model calls, tokens and wall time of a cold
 * weekly briefing, of a warm re-run after 20 new interviews (cost follows new interviews
 * only), and the renewal brief's tokens per account. Prints; asserts nothing.
 */
export async function benchWeeklyBriefing(accounts = 80, interviews = 2_000, fresh = 20) {
  const stub = await startStubModel();
  const t = await startTestApp({
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: stub.url,
    CANDOR_SYNTHESIS_MODEL: 'gpt-4.1',
    CANDOR_MODEL_RETRY_DELAY_MS: '0',
  });
  const csm = 'csm@bench.example';
  try {
    const created = await createTestWorkspace(t, 'Bench Co');
    const ws = { id: created.id };
    const token = created.secret_key;
    await tenant(t.deps.db, ws).insertInto('members').values({ email: csm, name: 'Bench CSM', role: 'csm' }).execute();
    const seeding = performance.now();
    const book = await seedBook(t, ws, csm, accounts, t.deps.now());
    await addInterviews(t, ws, book, interviews, 0, (n) => book.accountIds[n % accounts]!);
    const signals = await tenant(t.deps.db, ws)
      .selectFrom('signals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `\nWeekly CSM briefing with a model, ${databaseKind}: 1 CSM, ${accounts} accounts, ${num(interviews)} interviews, ${num(Number(signals.n))} signals (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`,
    );
    console.log('  stub OpenAI-compatible model answering at once; tokens as the stub reports them (characters / 4)\n');

    const runWeekly = async (label: string) => {
      stub.tally.clear();
      const started = performance.now();
      const res = await t.request(`/v1/briefings/weekly?member=${encodeURIComponent(csm)}`, { method: 'POST', token });
      const seconds = (performance.now() - started) / 1000;
      const body = await readJson(res);
      if (res.status !== 201 || body.mode !== 'ai')
        throw new Error(`${label}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      const digest = stub.tally.get('digest') ?? { calls: 0, prompt: 0, completion: 0 };
      const reduce = stub.tally.get('weekly_briefing') ?? { calls: 0, prompt: 0, completion: 0 };
      console.log(`  ${label}`);
      console.log(
        `    model calls ${digest.calls + reduce.calls} (map ${digest.calls}, reduce ${reduce.calls}); digests reused ${body.generation.digests_reused}`,
      );
      console.log(
        `    tokens: prompt ${num(body.usage.prompt_tokens)}, completion ${num(body.usage.completion_tokens)}  (map ${num(digest.prompt)} + ${num(digest.completion)}, reduce ${num(reduce.prompt)} + ${num(reduce.completion)}); cost at gpt-4.1 list price $${(body.usage.cost_micros / 1e6).toFixed(4)}`,
      );
      console.log(`    wall time ${seconds.toFixed(2)} s`);
      return body;
    };

    await runWeekly('cold (no digests cached):');
    await addInterviews(t, ws, book, fresh, interviews, (n) => book.accountIds[(n * 3) % accounts]!);
    await runWeekly(`warm, after ${fresh} new interviews at ${fresh} accounts:`);
    await runWeekly('warm, nothing new:');

    // The renewal brief of an account: its digest (map) plus one reduce call.
    const sample = book.accountIds.slice(0, 10);
    await t.deps.db.deleteFrom('synthesis_digests').where('account_id', 'in', sample).execute();
    stub.tally.clear();
    const briefStarted = performance.now();
    for (const [i] of sample.entries()) {
      const res = await t.request(`/v1/accounts/acct_${i}/brief`, { method: 'POST', token });
      if (res.status !== 201 || (await readJson(res)).mode !== 'ai') throw new Error(`brief acct_${i}: ${res.status}`);
    }
    const briefSeconds = (performance.now() - briefStarted) / 1000;
    const map = stub.tally.get('digest')!;
    const reduce = stub.tally.get('renewal_brief')!;
    const n = sample.length;
    console.log(
      `  renewal brief, per account (${n} accounts of ~${Math.round(interviews / accounts)} interviews each):`,
    );
    console.log(
      `    cold: ${((map.calls + reduce.calls) / n).toFixed(0)} calls, prompt ${num((map.prompt + reduce.prompt) / n)}, completion ${num((map.completion + reduce.completion) / n)} tokens (map ${num(map.prompt / n)} + ${num(map.completion / n)}, reduce ${num(reduce.prompt / n)} + ${num(reduce.completion / n)}); ${((briefSeconds / n) * 1000).toFixed(0)} ms each`,
    );
    stub.tally.clear();
    await t.request('/v1/accounts/acct_0/brief', { method: 'POST', token });
    const warm = stub.tally.get('renewal_brief')!;
    console.log(
      `    warm (digest cached): ${stub.tally.get('digest')?.calls ?? 0} map calls, reduce prompt ${num(warm.prompt)}, completion ${num(warm.completion)} tokens`,
    );
  } finally {
    stub.server.close();
    await t.close();
  }
}
