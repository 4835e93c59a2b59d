import type { GuideBody, Signal } from '@candor/shared';
import { findKeyword, sentenceAt } from './text-match';

/** A customer message as extraction sees it. */
export type CustomerMessage = { id: string; text: string };

// Cues are deliberately conservative: a rule that fires on everything is worse than none.
const churnIntent =
  /\b(cancel\w*|not (?:going to )?renew\w*|won['’]t renew|leav(?:e|ing) (?:you|the product)|switch(?:ing|ed)? to|moving to|migrating to|terminat\w*|churn\w*|replac(?:e|ing) (?:you|it))\b/i;
const sizePattern =
  /\b(?:\d+|a few|several|another|two|three|four|five|ten|twenty|fifty|a hundred)\s+(?:more\s+|new\s+|extra\s+)?(?:seats?|licen[cs]es?|users?|people|reps|agents|engineers|teams?|departments?|offices?)\b/i;
const timingPattern =
  /\b(?:(?:next|this|the coming)\s+(?:week|month|quarter|year|sprint)|Q[1-4](?:\s+\d{4})?|in\s+(?:\d+|a few|a couple of|two|three|six)\s+(?:weeks?|months?)|by\s+(?:the\s+end\s+of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|the year|the quarter|summer|spring|autumn|fall|winter)|after (?:the |our )?renewal|at renewal|soon|asap)\b/i;
const wantsHuman =
  /\b(?:(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+)?(?:real\s+)?(?:human|person|someone|somebody|my csm|our csm|an? account manager|customer success)|call me|real person|get in touch with me|reach out to me|have someone (?:call|contact|reach))\b/i;
const featureAsk =
  /\b(?:i wish|we wish|would love|it would be (?:great|nice|helpful|amazing) if|would be (?:great|nice) to|please add|can you add|could you add|need a way to|needs? to support|would like to see|want(?:ed)? to be able to|if only)\b/i;
const stakeholderRole =
  /\b(?:our|my|the)\s+(?:new\s+)?(ceo|cto|cfo|coo|cio|ciso|founder|vp(?: of [a-z]+)?|head of [a-z]+|director(?: of [a-z]+)?|manager|team lead|procurement(?: team)?|finance(?: team)?|it(?: team)?|legal(?: team)?|admin|boss|champion|sponsor)\b/i;
const championChange =
  /\b(?:left the company|no longer with|no longer here|moved on|has left|quit|replaced|new (?:manager|director|vp|head|ceo|cto|cfo|lead|boss))\b/i;
const competitorName =
  /\b(?:switch(?:ed|ing)?|mov(?:e|ed|ing)|migrat(?:e|ed|ing))\s+(?:over\s+)?to\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)|\b(?:evaluating|trialing|trialling|trying out|demo of|demo from|looking at)\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)/;
const notNames = new Set([
  'I',
  'We',
  'Our',
  'The',
  'A',
  'An',
  'It',
  'This',
  'That',
  'Another',
  'Other',
  'Some',
  'You',
  'They',
]);
const positive = [
  'love',
  'great',
  'excellent',
  'amazing',
  'helpful',
  'easy',
  'fantastic',
  'happy',
  'useful',
  'works well',
  'game changer',
  'saves us',
  'saved us',
  'recommend',
  'smooth',
];
const negative = [
  'frustrat*',
  'annoy*',
  'hate',
  'terrible',
  'awful',
  'painful',
  'disappoint*',
  'useless',
  'broken',
  'confusing',
  'unhappy',
  'worse',
  'difficult',
  'struggl*',
  'slow',
];

const RULE_CONFIDENCE = 0.5;

/**
 * Scripted extraction: keyword and pattern matches over each customer message, using the
 * guide's taxonomy for churn reasons and expansion kinds. Every quote is the sentence
 * around the match, cut from the message itself.
 */
export function extractWithRules(messages: readonly CustomerMessage[], taxonomy: GuideBody['taxonomy']): Signal[] {
  const out: Signal[] = [];
  for (const m of messages) {
    const evidence = (index: number, confidence = RULE_CONFIDENCE) => ({
      quote: sentenceAt(m.text, index),
      message_id: m.id,
      confidence,
    });

    for (const reason of taxonomy.churn_reasons) {
      const hit = findKeyword(m.text, reason.keywords);
      if (!hit) continue;
      const quote = sentenceAt(m.text, hit.index);
      const level = churnIntent.test(quote) ? 'high' : 'medium';
      out.push({ kind: 'churn_risk', value: { level, reasons: [reason.key] }, ...evidence(hit.index) });
    }

    for (const kind of taxonomy.expansion_kinds) {
      const hit = findKeyword(m.text, kind.keywords);
      if (!hit) continue;
      const sentence = sentenceAt(m.text, hit.index);
      const size = sizePattern.exec(sentence)?.[0] ?? null;
      const timing = timingPattern.exec(m.text)?.[0] ?? null;
      out.push({ kind: 'expansion_intent', value: { kind: kind.key, size, timing }, ...evidence(hit.index) });
    }

    const human = wantsHuman.exec(m.text);
    if (human) out.push({ kind: 'wants_human', value: { reason: null }, ...evidence(human.index, 0.7) });

    const ask = featureAsk.exec(m.text);
    if (ask) {
      const summary = sentenceAt(m.text, ask.index).slice(0, 200);
      out.push({ kind: 'feature_request', value: { summary }, ...evidence(ask.index) });
    }

    const competitor = competitorName.exec(m.text);
    const name = competitor?.[1] ?? competitor?.[2];
    if (competitor && name && !notNames.has(name.split(/\s+/)[0] ?? '')) {
      out.push({ kind: 'competitor', value: { name }, ...evidence(competitor.index) });
    }

    const role = stakeholderRole.exec(m.text);
    if (role?.[1]) {
      const sentence = sentenceAt(m.text, role.index);
      out.push({
        kind: 'stakeholder',
        value: { name: null, role: role[1].toLowerCase(), champion_change: championChange.test(sentence) },
        ...evidence(role.index),
      });
    }

    const pos = findKeyword(m.text, positive);
    const neg = findKeyword(m.text, negative);
    if (pos || neg) {
      const polarity = pos && neg ? 'mixed' : pos ? 'positive' : 'negative';
      const first = [pos, neg].filter((h) => h !== undefined).sort((a, b) => a.index - b.index)[0];
      out.push({ kind: 'sentiment', value: { polarity }, ...evidence(first?.index ?? 0, 0.4) });
    }
  }
  return out;
}
