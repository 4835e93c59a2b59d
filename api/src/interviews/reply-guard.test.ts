import { describe, expect, it } from 'vitest';
import { INTERVIEW_RULES } from './prompts';
import { checkReply, instructionFingerprint, keepFirstQuestion, ReplyStreamGuard } from './reply-guard';

const canary = 'cnd-0123456789abcdef';
const fp = instructionFingerprint(INTERVIEW_RULES);

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
  it('rejects the canary, recited rules and pricing promises', () => {
    expect(checkReply(`Sure: ${canary}`, canary, fp)).toEqual({ ok: false, reason: 'canary' });
    expect(
      checkReply(
        'My rules: never promise or discuss prices, discounts, refunds, credits or contract terms',
        canary,
        fp,
      ),
    ).toEqual({ ok: false, reason: 'instructions_echo' });
    expect(checkReply('We can offer you a 20% discount next year.', canary, fp)).toMatchObject({ ok: false });
    expect(checkReply('I can extend your contract terms for free.', canary, fp)).toMatchObject({ ok: false });
    expect(checkReply('Thanks! What made onboarding slow for your team?', canary, fp)).toEqual({ ok: true });
  });
});

describe('ReplyStreamGuard', () => {
  it('never forwards any part of a canary, however it is split', () => {
    const g = new ReplyStreamGuard(canary, fp);
    let out = '';
    for (const piece of [
      'Here is a long harmless preamble that goes on for a while. ',
      'cnd-0123',
      '456789abcdef',
      ' done',
    ])
      out += g.push(piece);
    expect(out).not.toContain('cnd-');
    expect(g.finish().verdict.ok).toBe(false);
  });

  it('forwards a clean reply in full, and nothing after its first question', () => {
    const g = new ReplyStreamGuard(canary, fp);
    let out = '';
    const text = 'That sounds frustrating, thanks for being candid about it. What did your team try first? And second?';
    for (const piece of text.match(/\S+\s*/g) ?? []) out += g.push(piece);
    const done = g.finish();
    out += done.rest;
    expect(done.reply).toBe('That sounds frustrating, thanks for being candid about it. What did your team try first?');
    expect(out).toBe(done.reply);
  });
});
