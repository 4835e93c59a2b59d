import { tenant, type Ws } from '@candor/api/db/tenant';
import type { Signal } from '@candor/shared';
import type { TestApp } from '../tests/support/harness';

/** Synthetic answers: each sentence is what one signal quotes. */
const SAID = {
  value: [
    'The weekly report saves my team about four hours.',
    'Leadership finally trusts the numbers we show them.',
    'Alerts caught two incidents before customers noticed.',
    'Onboarding new analysts takes a day instead of a week.',
  ],
  friction: [
    'Exports keep timing out on large workspaces.',
    'The dashboard is slow every Monday morning.',
    'Permissions are confusing for our contractors.',
    'The mobile view is hard to read.',
  ],
  churn: [
    'Honestly the price is hard to justify at renewal.',
    'Our CFO froze new spend until next year.',
    'We are evaluating a cheaper competitor.',
    'Our sponsor left and nobody owns the tool now.',
  ],
  request: [
    'We need an API for bulk exports.',
    'Single sign-on with Okta would unblock the rollout.',
    'A Slack integration for alerts would help a lot.',
    'Scheduled PDF reports are a must for our board.',
  ],
  expansion: [
    'The support team wants 15 more seats next quarter.',
    'Finance would like their own workspace in the spring.',
  ],
};
const CHURN_REASONS = ['price_value', 'budget_cut', 'switched_competitor', 'champion_left'];
const FEATURES = ['API for bulk exports', 'SSO with Okta', 'Slack alerts', 'Scheduled PDF reports'];
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

/** The CSM's book: `accounts` accounts with ARR, renewal dates and three contacts each; a few meetings this week. */
export async function seedBook(t: TestApp, ws: Ws, csm: string, accounts: number, now: Date) {
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const rows = await tenant(t.deps.db, ws)
    .insertInto('accounts')
    .values(
      Array.from({ length: accounts }, (_, i) => ({
        external_id: `acct_${i}`,
        name: `Account ${i}`,
        arr_cents: 20_000_00 + ((i * 7919) % 180_000) * 100,
        renewal_date: day(10 + ((i * 13) % 200))
          .toISOString()
          .slice(0, 10),
        owner_email: csm,
        health_state: pick(['healthy', 'watch', 'at_risk', 'healthy'], i),
        last_touch_at: day(-((i * 7) % 45)),
        attributes: {},
        health_reasons: [],
      })),
    )
    .returning('id')
    .execute();
  const roles = ['champion', 'end user', 'economic buyer'];
  const contacts = await tenant(t.deps.db, ws)
    .insertInto('contacts')
    .values(
      rows.flatMap((a, i) =>
        roles.map((role, r) => ({
          account_id: a.id,
          external_id: `c_${i}_${r}`,
          name: `Person ${i}.${r}`,
          role,
          attributes: {},
        })),
      ),
    )
    .returning(['id', 'account_id'])
    .execute();
  await tenant(t.deps.db, ws)
    .insertInto('events')
    .values(
      rows.slice(0, 6).map((a, i) => ({
        account_id: a.id,
        name: 'meeting_scheduled',
        occurred_at: now,
        properties: {
          time: day(1 + (i % 4)).toISOString(),
          title: `Check-in ${i}`,
          attendees: [{ name: `Person ${i}.0`, role: 'champion' }],
        },
      })),
    )
    .execute();
  return { accountIds: rows.map((r) => r.id), contacts };
}

/**
 * `count` completed interviews spread over the given accounts, each one customer answer
 * with three or four signals quoting it — what extraction would have stored.
 */
export async function addInterviews(
  t: TestApp,
  ws: Ws,
  book: { accountIds: string[]; contacts: { id: string; account_id: string | null }[] },
  count: number,
  offset: number,
  accountOf: (n: number) => string,
) {
  const guide = await tenant(t.deps.db, ws)
    .selectFrom('guides')
    .innerJoin('guide_versions', 'guide_versions.guide_id', 'guides.id')
    .select(['guides.id', 'guide_versions.id as version_id'])
    .executeTakeFirstOrThrow();
  for (let start = 0; start < count; start += 250) {
    const batch = Array.from({ length: Math.min(250, count - start) }, (_, k) => {
      const n = offset + start + k;
      const accountId = accountOf(n);
      const contacts = book.contacts.filter((c) => c.account_id === accountId);
      return { n, accountId, contactId: pick(contacts, n).id };
    });
    const interviews = await tenant(t.deps.db, ws)
      .insertInto('interviews')
      .values(
        batch.map((b) => ({
          guide_id: guide.id,
          guide_version_id: guide.version_id,
          account_id: b.accountId,
          contact_id: b.contactId,
          channel: 'in_app' as const,
          status: 'completed' as const,
          state: {},
          cost_micros: 0,
        })),
      )
      .returning('id')
      .execute();
    const sentences = batch.map((b) => {
      const kind = pick(['churn', 'request', 'expansion', 'request', 'churn'] as const, b.n);
      return {
        value: pick(SAID.value, b.n),
        friction: pick(SAID.friction, b.n + 1),
        extra: pick(SAID[kind], b.n),
        kind,
      };
    });
    const messages = await tenant(t.deps.db, ws)
      .insertInto('messages')
      .values(
        batch.map((_, k) => ({
          interview_id: interviews[k]!.id,
          seq: 2,
          role: 'customer' as const,
          text: `${sentences[k]!.value} ${sentences[k]!.friction} ${sentences[k]!.extra}`,
        })),
      )
      .returning('id')
      .execute();
    await tenant(t.deps.db, ws)
      .insertInto('signals')
      .values(
        batch.flatMap((b, k) => {
          const s = sentences[k]!;
          const base = {
            interview_id: interviews[k]!.id,
            account_id: b.accountId,
            contact_id: b.contactId,
            message_id: messages[k]!.id,
            source: 'ai' as const,
          };
          const extra: Pick<Signal, 'kind' | 'value'> =
            s.kind === 'churn'
              ? { kind: 'churn_risk', value: { level: 'medium', reasons: [pick(CHURN_REASONS, b.n)] } }
              : s.kind === 'request'
                ? { kind: 'feature_request', value: { summary: pick(FEATURES, b.n) } }
                : { kind: 'expansion_intent', value: { kind: 'seats', size: '15 seats', timing: 'next quarter' } };
          const said: Pick<Signal, 'kind' | 'value' | 'quote'>[] = [
            { kind: 'sentiment', value: { polarity: 'positive' }, quote: s.value },
            { kind: 'theme', value: { label: 'performance' }, quote: s.friction },
            { ...extra, quote: s.extra },
          ];
          return said.map((signal) => ({ ...base, ...signal }));
        }),
      )
      .execute();
  }
}
