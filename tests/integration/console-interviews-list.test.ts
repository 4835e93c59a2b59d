import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { invite, seedWorkspace } from '../support/interview-fixtures';

type Page = { items: { id: string; status: string; account_id: string | null }[]; total: number; page_size: number };

describe('the console interviews list', () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let admin: ReturnType<typeof consoleCall>;

  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedWorkspace(t);
    admin = consoleCall(t, (await signIn(t, seeded.ws.id, 'admin@list.example', 'admin')).cookie);
    const first = await invite(t, seeded.ws, seeded.guideId);
    // 130 more like it, three to an invitation time (ties the list breaks by id), a third
    // completed and every other one without an account, so the pages and filters have work.
    await sql`
      insert into interviews (workspace_id, guide_id, guide_version_id, account_id, contact_id, channel, status, invited_at)
      select workspace_id, guide_id, guide_version_id, case when n % 2 = 0 then account_id end, contact_id, channel,
        case when n % 3 = 0 then 'completed' else status end,
        timestamptz '2026-03-01' + (n / 3) * interval '1 hour'
      from interviews, generate_series(1, 130) n where id = ${first.id}`.execute(t.deps.db);
    // A guide preview, which no list shows.
    await admin('POST', `/guides/${seeded.guideId}/preview`);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  /** Every page of a filter, in order, with the total each page gave. */
  async function allPages(query: string) {
    const ids: string[] = [];
    const totals = new Set<number>();
    for (let page = 1; ; page++) {
      const p = (await readJson(await admin('GET', `/interviews?page=${page}${query}`))) as Page;
      totals.add(p.total);
      ids.push(...p.items.map((i) => i.id));
      if (p.items.length < p.page_size) break;
    }
    return { ids, totals: [...totals] };
  }

  /** The same interviews straight from the table: newest invitation first, ties by id. */
  async function expected(where: ReturnType<typeof sql>) {
    const { rows } = await sql<{ id: string }>`
      select i.id from interviews i left join contacts c on c.id = i.contact_id
      where i.workspace_id = ${seeded.ws.id} and c.external_id is distinct from 'candor-preview' and ${where}
      order by i.invited_at desc, i.id`.execute(t.deps.db);
    return rows.map((r) => r.id);
  }

  it('pages every interview once, newest first with ties by id, and counts them all', async () => {
    const want = await expected(sql`true`);
    expect(want).toHaveLength(131);
    expect(await allPages('')).toEqual({ ids: want, totals: [131] });
  });

  it('pages and counts by status and by account, leaving the preview out', async () => {
    const completed = await expected(sql`i.status = 'completed'`);
    expect(completed).toHaveLength(43);
    expect(await allPages('&status=completed')).toEqual({ ids: completed, totals: [43] });
    const account = await expected(sql`i.account_id = ${seeded.accountId}`);
    expect(account).toHaveLength(66);
    expect(await allPages(`&account=${seeded.accountId}`)).toEqual({ ids: account, totals: [66] });
    const both = await expected(sql`i.status = 'completed' and i.account_id = ${seeded.accountId}`);
    expect(await allPages(`&status=completed&account=${seeded.accountId}`)).toEqual({
      ids: both,
      totals: [both.length],
    });
  });
});
