import type { ExtractedSignal, GuideBody } from '@candor/shared';
import {
  churnCues,
  competitorCues,
  expansionCues,
  featureCues,
  renewalDoubt,
  stakeholderChangeCues,
  wantsHumanCues,
} from './rules-lexicon';
import { findKeyword, sentenceAt } from './text-match';

/** A customer message as extraction sees it. */
export type CustomerMessage = { id: string; text: string };

// Cues are deliberately conservative: a rule that fires on everything is worse than none.
const churnIntent =
  /\b(cancel\w*|not (?:going to )?renew\w*|won['’]t renew|leav(?:e|ing) (?:you|the product)|switch(?:ing|ed)? to|moving to|migrating to|terminat\w*|churn\w*|replac(?:e|ing) (?:you|it))\b/i;
// Evidence of a decision already leaning away, in any of the six languages: the churn level is high.
const churnDecision =
  /(?<![\p{L}])(?:kündigen|résilier|cancelar|vamos cancelar|wechseln zu|passons à|migrar para)|解約|乗り換え/iu;
// Hedged or occasional complaints: the churn level is low.
const churnHedge =
  /\b(?:a (?:little|bit)|slightly|sometimes|occasionally|minor|small thing|now and then)\b|(?<![\p{L}])(?:etwas|manchmal|un peu|parfois|un poco|a veces|um pouco|às vezes)(?![\p{L}])|少し|たまに/iu;

/** The churn level a quote's evidence supports: a stated decision, a hedge, or neither. */
export function churnLevel(quote: string): 'high' | 'medium' | 'low' {
  if (churnIntent.test(quote) || churnDecision.test(quote)) return 'high';
  if (churnHedge.test(quote)) return 'low';
  return 'medium';
}

/** The first match of any cue, with its position. */
function firstCue(text: string, cues: readonly RegExp[] | undefined): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const cue of cues ?? []) {
    const m = cue.exec(text);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
}

const sizePattern =
  /\b(?:\d+|a few|several|another|two|three|four|five|ten|twenty|fifty|a hundred)\s+(?:more\s+|new\s+|extra\s+)?(?:seats?|licen[cs]es?|users?|people|reps|agents|engineers|teams?|departments?|offices?)\b/i;
const timingPattern =
  /\b(?:(?:next|this|the coming)\s+(?:week|month|quarter|year|sprint)|Q[1-4](?:\s+\d{4})?|in\s+(?:\d+|a few|a couple of|two|three|six)\s+(?:weeks?|months?)|by\s+(?:the\s+end\s+of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|the year|the quarter|summer|spring|autumn|fall|winter)|after (?:the |our )?renewal|at renewal|soon|asap)\b/i;
const wantsHuman =
  /\b(?:(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+)?(?:real\s+)?(?:human|person|someone|somebody|my csm|our csm|an? account manager|customer success)|call me|real person|get in touch with me|reach out to me|have someone (?:call|contact|reach))\b/i;
const featureAsk =
  /\b(?:i wish|we wish|would love|it would be (?:great|nice|helpful|amazing) if|would be (?:great|nice) to|please add|can you add|could you add|need a way to|needs? to support|would like to see|want(?:ed)? to be able to|if only)\b/i;
// Only roles that sign, sponsor or decide: "my manager needs the report" is not a stakeholder signal.
const stakeholderRole =
  /(?<![\p{L}])(?:our|my|the|unser|notre)\s+(?:new\s+)?(ceo|cto|cfo|coo|cio|ciso|founder|vp(?: of [a-z]+)?|head of [a-z]+|director(?: of [a-z]+)?|procurement(?: team)?|champion|sponsor|economic buyer)\b(?:,?\s+(?-i:(\p{Lu}\p{Ll}+))\b)?/iu;
const championChange =
  /\b(?:left the company|no longer with|no longer here|moved on|has left|left (?:last|this|in)\b|quit|replaced|new (?:manager|director|vp|head|ceo|cto|cfo|lead|boss))\b/i;
// The same departures where a German or French sentence names the person ("Unser Champion Jonas hat … verlassen").
const championChangeElsewhere = /(?<![\p{L}])(?:verlassen|est partie?|a quitté)(?![\p{L}])/iu;
// "Sarah, who set this up, has left the company": a named person who left.
const namedDeparture =
  /(?<![\p{L}])(\p{Lu}\p{Ll}+),? who (?:set (?:this|it) up|championed (?:this|it)|brought (?:you|us) in)\b/u;
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
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'January',
  'SSO',
  'API',
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
export function extractWithRules(
  messages: readonly CustomerMessage[],
  taxonomy: GuideBody['taxonomy'],
): ExtractedSignal[] {
  const out: ExtractedSignal[] = [];
  for (const m of messages) {
    const evidence = (index: number, confidence = RULE_CONFIDENCE) => ({
      quote: sentenceAt(m.text, index),
      message_id: m.id,
      confidence,
    });

    for (const reason of taxonomy.churn_reasons) {
      const index = findKeyword(m.text, reason.keywords)?.index ?? firstCue(m.text, churnCues[reason.key])?.index;
      if (index === undefined) continue;
      const level = churnLevel(sentenceAt(m.text, index));
      out.push({ kind: 'churn_risk', value: { level, reasons: [reason.key] }, ...evidence(index) });
    }

    const doubt = firstCue(m.text, renewalDoubt);
    if (doubt) out.push({ kind: 'churn_risk', value: { level: 'high', reasons: [] }, ...evidence(doubt.index) });

    for (const kind of taxonomy.expansion_kinds) {
      const cue = firstCue(m.text, expansionCues[kind.key]);
      const hit = findKeyword(m.text, kind.keywords) ?? (cue ? { index: cue.index } : undefined);
      if (!hit) continue;
      const sentence = sentenceAt(m.text, hit.index);
      const size = sizePattern.exec(sentence)?.[0] ?? null;
      const timing = timingPattern.exec(m.text)?.[0] ?? null;
      out.push({ kind: 'expansion_intent', value: { kind: kind.key, size, timing }, ...evidence(hit.index) });
    }

    const human = wantsHuman.exec(m.text) ?? firstCue(m.text, wantsHumanCues);
    if (human) out.push({ kind: 'wants_human', value: { reason: null }, ...evidence(human.index, 0.7) });

    const ask = featureAsk.exec(m.text) ?? firstCue(m.text, featureCues);
    if (ask) {
      const summary = sentenceAt(m.text, ask.index).slice(0, 200);
      out.push({ kind: 'feature_request', value: { summary }, ...evidence(ask.index) });
    }

    const competitor = competitorName.exec(m.text) ?? firstCue(m.text, competitorCues);
    const name = competitor?.[1] ?? competitor?.[2];
    if (competitor && name && !notNames.has(name.split(/\s+/)[0] ?? '')) {
      out.push({ kind: 'competitor', value: { name }, ...evidence(competitor.index) });
    }

    const role = stakeholderRole.exec(m.text);
    const changed = firstCue(m.text, stakeholderChangeCues);
    const departed = namedDeparture.exec(m.text);
    if (role?.[1]) {
      const sentence = sentenceAt(m.text, role.index);
      out.push({
        kind: 'stakeholder',
        value: {
          name: role[2] ?? null,
          role: role[1].toLowerCase(),
          champion_change:
            championChange.test(sentence) || championChangeElsewhere.test(sentence) || /\bnew\b/i.test(role[0]),
        },
        ...evidence(role.index),
      });
    } else if (changed?.[1]) {
      out.push({
        kind: 'stakeholder',
        value: { name: changed[2] ?? null, role: changed[1].toLowerCase(), champion_change: true },
        ...evidence(changed.index),
      });
    } else if (departed?.[1] && championChange.test(sentenceAt(m.text, departed.index))) {
      out.push({
        kind: 'stakeholder',
        value: { name: departed[1], role: 'champion', champion_change: true },
        ...evidence(departed.index),
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
