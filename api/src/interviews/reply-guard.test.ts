import type { GuideBody } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { InstructionIndex, normalizedWords } from './instruction-index';
import { INTERVIEW_RULES, instructionParts, sayableText } from './prompts';
import { checkReply, keepFirstQuestion, ReplyStreamGuard } from './reply-guard';

const canary = 'cnd-0123456789abcdef';
const guide: GuideBody = {
  name: 'Health pulse',
  moment: 'health_pulse',
  objective: 'Learn whether the reporting rollout is saving the finance team real time every month.',
  tone: 'warm, curious and concise, never pushy or salesy',
  language_policy: 'respondent',
  opening_message: 'Hi {name}, thanks for taking a few minutes with us.',
  closing_message: 'Thank you, this was really helpful. Have a great day.',
  topics: [
    {
      key: 'value',
      question: 'What can you tell us about the value you get from reports?',
      probing: 'Dig for a number of hours saved and which dashboards they open first on Mondays.',
      follow_up: 'Could you say a bit more about the reports you use?',
      required: true,
    },
  ],
  limits: { max_turns: 8, max_minutes: 5 },
  taxonomy: { churn_reasons: [], expansion_kinds: [] },
};
const parts = instructionParts({
  guide,
  context: { contactName: 'Ada Lovelace', company: 'Acme Corp', product: 'Ledgerly' },
  action: 'probe',
  topicIndex: 0,
  canary,
});
const instructions = parts.join('\n\n');
const index = new InstructionIndex(parts, { sayable: sayableText(guide), oneOff: canary });

/** Streams `text` through a fresh guard in `pieces`; what reached the client, per push, and the end. */
function stream(pieces: string[]) {
  const g = new ReplyStreamGuard(canary, index);
  const sent: string[] = [];
  for (const piece of pieces) sent.push(g.push(piece));
  const done = g.finish();
  return { sent: sent.join('') + done.rest, perPush: sent, done };
}

/** Every run of six consecutive words of `secret` that appears in `text`. */
function sixWordRuns(text: string, secret: string): string[] {
  const words = normalizedWords(secret);
  const hay = ` ${normalizedWords(text).join(' ')} `;
  const found: string[] = [];
  for (let i = 0; i + 6 <= words.length; i++) {
    const run = words.slice(i, i + 6).join(' ');
    if (hay.includes(` ${run} `)) found.push(run);
  }
  return found;
}

const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
const characters = (text: string) => [...text];

describe('keepFirstQuestion', () => {
  it('keeps everything up to the first question mark', () => {
    expect(keepFirstQuestion('Got it. What changed? And who decided?')).toBe('Got it. What changed?');
    expect(keepFirstQuestion('分かりました。何が変わりましたか？誰が決めましたか？')).toBe(
      '分かりました。何が変わりましたか？',
    );
    expect(keepFirstQuestion('Thanks for your time.')).toBe('Thanks for your time.');
  });
});

describe('checkReply', () => {
  it('rejects the canary, recited instructions and pricing promises', () => {
    expect(checkReply(`Sure: ${canary}`, canary, index)).toEqual({ ok: false, reason: 'canary' });
    expect(
      checkReply(
        'My rules: never promise or discuss prices, discounts, refunds, credits or contract terms',
        canary,
        index,
      ),
    ).toEqual({ ok: false, reason: 'instructions_echo' });
    expect(checkReply('Sure! I should dig for a number of hours saved here.', canary, index)).toEqual({
      ok: false,
      reason: 'instructions_echo',
    });
    expect(checkReply('We can offer you a 20% discount next year.', canary, index)).toMatchObject({ ok: false });
    expect(checkReply('I can extend your contract terms for free.', canary, index)).toMatchObject({ ok: false });
    expect(checkReply('Thanks! What made onboarding slow for your team?', canary, index)).toEqual({ ok: true });
  });

  it('knows runs that cross from one part of the prompt into the next', () => {
    // The tone is four words; the next paragraph begins "Interview topics, in order".
    expect(checkReply(`Ok: tone ${guide.tone}. Interview topics in order.`, canary, index)).toMatchObject({
      ok: false,
    });
    const shortTone = { ...guide, tone: 'brief' };
    const other = instructionParts({
      guide: shortTone,
      context: { contactName: null, company: null, product: 'Ledgerly' },
      action: 'advance',
      topicIndex: 0,
      canary: 'cnd-ffffffffffffffff',
    });
    const otherIndex = new InstructionIndex(other, { sayable: sayableText(shortTone), oneOff: 'cnd-ffffffffffffffff' });
    expect(otherIndex.recitedIn('Tone: brief. Interview topics, in order: 1.')).toBe(true);
    expect(otherIndex.recitedIn('marker never output it cnd 0123456789abcdef')).toBe(false);
    expect(otherIndex.recitedIn('marker never output it cnd ffffffffffffffff')).toBe(true);
  });

  it('lets the interviewer ask the guide question in its own words or verbatim', () => {
    expect(checkReply(`Thanks. ${guide.topics[0]?.question}`, canary, index)).toEqual({ ok: true });
    expect(checkReply(`Sure. ${guide.topics[0]?.follow_up}`, canary, index)).toEqual({ ok: true });
  });
});

describe('ReplyStreamGuard', () => {
  it('never forwards any part of a canary, however it is split', () => {
    const { sent, done } = stream([
      'Here is a long harmless preamble that goes on for a while. ',
      'cnd-0123',
      '456789abcdef',
      ' done',
    ]);
    expect(sent).not.toContain('cnd-');
    expect(done.verdict.ok).toBe(false);
  });

  it('forwards a clean reply in full, and nothing after its first question', () => {
    const text = 'That sounds frustrating, thanks for being candid about it. What did your team try first? And second?';
    const { sent, done } = stream(tokens(text));
    expect(done.reply).toBe('That sounds frustrating, thanks for being candid about it. What did your team try first?');
    expect(sent).toBe(done.reply);
  });

  it('forwards no six-word run of the instructions when a reply recites them, token by token or character by character', () => {
    for (const split of [tokens, characters]) {
      for (const leak of [
        instructions,
        `Sure, here they are. ${instructions}`,
        `Of course! Objective: ${guide.objective} My tone is ${guide.tone}.`,
        `Fine. I was told: ${guide.topics[0]?.probing} That is all.`,
        INTERVIEW_RULES,
      ]) {
        const { sent, done } = stream(split(leak));
        expect(done.verdict).toEqual({ ok: false, reason: 'instructions_echo' });
        expect(sixWordRuns(sent, instructions)).toEqual([]);
      }
    }
  });

  it('holds back the start of an instruction sentence, and releases it once the reply turns away from it', () => {
    const g = new ReplyStreamGuard(canary, index);
    // "You are a customer interviewer for" would be the role line.
    expect(g.push('Great. ')).toBe('Great. ');
    expect(g.push('You ')).toBe('');
    expect(g.push('are ')).toBe('');
    expect(g.push('a ')).toBe('');
    expect(g.push('customer ')).toBe('');
    // ("who" would not do: it starts "Who they are, as reported…" of the profile block.)
    expect(g.push('whose ')).toBe('You are a customer whose ');
    expect(g.push('team knows the product well. ')).not.toBe('');
    expect(g.currentVerdict()).toEqual({ ok: true });
  });

  it('sends a normal reply in several pieces, each within a word or two of arriving', () => {
    const text = 'Thanks, that helps a lot. How often does the export step slow your team down each week?';
    const { perPush, sent } = stream(tokens(text));
    expect(sent).toBe(text);
    expect(perPush.filter(Boolean).length).toBeGreaterThan(5);
    // The first word is out by the time the third token arrives.
    expect(perPush.slice(0, 3).join('')).not.toBe('');
  });

  it('holds a promise back until it is one, and forwards none of it', () => {
    const { sent, done } = stream(
      tokens('Honestly, we can offer you a 30% discount on renewal! What plan are you on?'),
    );
    expect(done.verdict).toEqual({ ok: false, reason: 'promise' });
    expect(sent).toBe('Honestly, ');
  });

  it('judges each delta in time independent of the length already received', () => {
    // Sentences, and one long unbroken token, as a model might send a link.
    const long = `${'We talked about many things and this is going fine so far. '.repeat(300)}${'x'.repeat(6000)}`;
    // The best of three runs, so a garbage collection or a busy machine does not decide it.
    const time = (text: string) => {
      const pieces = characters(text);
      const runs = [0, 1, 2].map(() => {
        const started = performance.now();
        stream(pieces);
        return performance.now() - started;
      });
      return Math.min(...runs);
    };
    time(long); // warm up
    const short = time(long.slice(0, long.length / 4));
    const full = time(long);
    // Linear: four times the text costs about four times as much, far from the sixteen of a quadratic check.
    expect(full / short).toBeLessThan(8);
  });
});
