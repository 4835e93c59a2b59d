/**
 * What a well-behaved model answers to Candor's synthesis prompts: valid structured output
 * that cites only refs present in the prompt's <data> block. Used by the msw OpenAI mock in
 * tests and by the benchmark's stub model server; tests mutate it to inject bad claims.
 */

export type SynthesisPurpose = 'digest' | 'renewal_brief' | 'weekly_briefing' | 'portfolio' | 'unknown';

/** Which synthesis prompt this is, from its instructions. */
export function purposeOf(promptText: string): SynthesisPurpose {
  if (promptText.includes('condense what one customer account')) return 'digest';
  if (promptText.includes('renewal brief a Customer Success Manager')) return 'renewal_brief';
  if (promptText.includes('weekly briefing: one page')) return 'weekly_briefing';
  if (promptText.includes('portfolio report')) return 'portfolio';
  return 'unknown';
}

// biome-ignore lint/suspicious/noExplicitAny: the prompt's data block, read loosely like a model would
type Data = any;

/** The JSON between the prompt's <data> tags. */
export function promptData(promptText: string): Data {
  const match = promptText.match(/<data>\n([\s\S]*?)\n<\/data>/);
  return match ? JSON.parse(match[1]!) : {};
}

const claim = (text: string, citations: (string | undefined)[]) => ({
  text,
  citations: citations.filter((c): c is string => Boolean(c)),
});

/** A valid answer to a synthesis prompt. */
export function synthesisReply(promptText: string): unknown {
  const data = promptData(promptText);
  switch (purposeOf(promptText)) {
    case 'digest': {
      const signals: { ref: string; kind: string; detail: string }[] = data.signals ?? [];
      return {
        summary: `${signals.length} signals from this account.`,
        points: signals.slice(0, 6).map((s) => ({
          kind: s.kind === 'churn_risk' ? 'risk' : s.kind === 'feature_request' ? 'request' : 'other',
          text: `${s.kind.replace(/_/g, ' ')}: ${s.detail}`,
          citations: [s.ref],
        })),
      };
    }
    case 'renewal_brief': {
      const s: string[] = (data.signals ?? []).map((x: { ref: string }) => x.ref);
      const f: string[] = (data.facts ?? []).map((x: { ref: string }) => x.ref);
      return {
        value_perception: [claim('They value the reporting', [s[0]])],
        friction: [claim('Exports are slow for them', [s[1] ?? s[0]])],
        stakeholders: [claim('The champion and the end users see it differently', [s[0], s[1]])],
        risks: [claim('Price is a renewal risk', [s[2] ?? s[0], f[0]])],
        open_asks: [claim('They want a bulk export API', [s.at(-1)])],
        talking_points: [claim('Open with the export fix, then the roadmap', [s[1] ?? s[0], f[0]])],
      };
    }
    case 'weekly_briefing': {
      type Account = { ref: string; facts: { ref: string }[]; digest: { points: { citations: string[] }[] } | null };
      const accounts: Account[] = data.accounts ?? [];
      const withDigest = accounts.filter((a) => a.digest?.points.length);
      return {
        priorities: withDigest.slice(0, 3).map((a) => ({
          account: a.ref,
          why: [
            claim('What they said needs a reply this week', [a.digest!.points[0]!.citations[0]]),
            claim('Health', [a.facts[0]?.ref]),
          ],
        })),
        meeting_prep: (data.meetings ?? []).map((m: { ref: string; account: string }) => {
          const a = accounts.find((x) => x.ref === m.account);
          return {
            meeting: m.ref,
            talking_points: [
              claim('Bring up what they told us', [a?.digest?.points[0]?.citations[0] ?? a?.facts[0]?.ref]),
            ],
          };
        }),
      };
    }
    case 'portfolio': {
      const churn: string[] = (data.churn_reasons ?? []).map((x: { ref: string }) => x.ref);
      const requests: string[] = (data.feature_requests ?? []).map((x: { ref: string }) => x.ref);
      const expansion: string[] = (data.expansion_pipeline ?? []).map((x: { ref: string }) => x.ref);
      const signal = (data.accounts ?? [])
        .flatMap((a: { points: { citations: string[] }[] }) => a.points)
        .flatMap((p: { citations: string[] }) => p.citations)[0];
      return {
        headline: [claim('Risk is concentrated in a few large accounts', [churn[0] ?? signal, signal])],
        churn: churn.slice(0, 3).map((r) => claim('A leading reason to leave', [r])),
        expansion: expansion.slice(0, 3).map((r) => claim('Room to grow here', [r])),
        feature_requests: requests.slice(0, 3).map((r) => claim('Asked for by accounts with ARR behind it', [r])),
      };
    }
    default:
      return {};
  }
}
