import { describe, expect, it } from 'vitest';
import { standardTaxonomy } from '../guides/templates/taxonomy';
import { extractWithRules } from './rules-extraction';
import { keywordPattern, sentenceAt } from './text-match';

const id = '6f1c1b1e-3c5a-4d2e-9f7a-0a1b2c3d4e5f';
const run = (text: string) => extractWithRules([{ id, text }], standardTaxonomy);

describe('keyword patterns', () => {
  it('matches whole words only, case-insensitively', () => {
    expect(keywordPattern('slow').test('It is SLOW at night')).toBe(true);
    expect(keywordPattern('slow').test('a slower start')).toBe(false);
    expect(keywordPattern('roi').test('the heroic effort')).toBe(false);
  });
  it('treats a trailing * as any word ending and straight and curly apostrophes alike', () => {
    expect(keywordPattern('consolidat*').test('we are consolidating vendors')).toBe(true);
    expect(keywordPattern("doesn't support").test('It doesn’t support SAML')).toBe(true);
    expect(keywordPattern('too expensive').test('too\nexpensive')).toBe(true);
  });
});

describe('sentenceAt', () => {
  it('cuts the sentence around a position, verbatim', () => {
    const text = 'We like it. But it is too expensive for us! Anyway.';
    const quote = sentenceAt(text, text.indexOf('expensive'));
    expect(quote).toBe('But it is too expensive for us!');
    expect(text).toContain(quote);
  });
  it('does not split on decimals and stops at line breaks', () => {
    const text = 'Version 2.5 is slow\nsecond line';
    expect(sentenceAt(text, text.indexOf('slow'))).toBe('Version 2.5 is slow');
  });
});

describe('rules extraction', () => {
  it('maps churn phrases to taxonomy reasons with a level', () => {
    const signals = run('We are consolidating onto one platform. Support never heard back on our ticket.');
    const churn = signals.filter((s) => s.kind === 'churn_risk');
    expect(churn.map((s) => s.kind === 'churn_risk' && s.value.reasons[0])).toEqual([
      'support_experience',
      'consolidation',
    ]);
    for (const s of churn) expect(s.kind === 'churn_risk' && s.value.level).toBe('medium');
  });
  it('rates explicit intent to leave as high risk', () => {
    const [signal] = run("It's too expensive, so we will not renew.").filter((s) => s.kind === 'churn_risk');
    expect(signal?.value).toEqual({ level: 'high', reasons: ['price_value'] });
  });
  it('reads expansion size and timing in the customer’s words', () => {
    const signals = run('We want to upgrade to the enterprise plan in 3 months for SSO.');
    expect(signals.find((s) => s.kind === 'expansion_intent')?.value).toEqual({
      kind: 'plan_upgrade',
      size: null,
      timing: 'in 3 months',
    });
  });
  it('finds feature requests, stakeholders with champion change, and sentiment', () => {
    const signals = run('I wish it had a Salesforce sync. Our champion has left the company. The reports are great.');
    expect(signals.find((s) => s.kind === 'feature_request')?.quote).toBe('I wish it had a Salesforce sync.');
    expect(signals.find((s) => s.kind === 'stakeholder')?.value).toEqual({
      name: null,
      role: 'champion',
      champion_change: true,
    });
    expect(signals.find((s) => s.kind === 'sentiment')?.value).toEqual({ polarity: 'positive' });
  });
  it('does not take a pronoun for a competitor', () => {
    expect(run('We might move to The cloud later.').some((s) => s.kind === 'competitor')).toBe(false);
    expect(run('We are evaluating Gainsight right now.').find((s) => s.kind === 'competitor')?.value).toEqual({
      name: 'Gainsight',
    });
  });
  it('finds nothing in a neutral answer', () => {
    expect(run('We run the Monday report and share it in the team channel.')).toEqual([]);
  });
});

describe('churn level by the evidence', () => {
  const level = (text: string) => {
    const churn = run(text).find((s) => s.kind === 'churn_risk' && s.value.reasons.length > 0);
    if (churn?.kind !== 'churn_risk') throw new Error(`no churn risk with reasons in "${text}"`);
    return churn.value;
  };
  it('is high for a stated decision, low for a hedge, medium otherwise', () => {
    expect(level('We are going to cancel, it is too expensive.').level).toBe('high');
    expect(level('Wir wollen kündigen, weil es zu teuer geworden ist.').level).toBe('high');
    expect(level('Es un poco caro para un equipo pequeño.').level).toBe('low');
    expect(level('It is sometimes slow in the morning.').level).toBe('low');
    expect(level('It is far too expensive for what we use.').level).toBe('medium');
  });
  it('files renewal doubt as a high churn risk without a taxonomy reason', () => {
    const doubt = run('Ich bin nicht sicher, ob wir verlängern.').find((s) => s.kind === 'churn_risk');
    expect(doubt?.value).toEqual({ level: 'high', reasons: [] });
  });
  it('names the champion who left', () => {
    const person = run('Our champion Tom left last month.').find((s) => s.kind === 'stakeholder');
    expect(person?.value).toEqual({ name: 'Tom', role: 'champion', champion_change: true });
  });
});
