import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractWithRules } from '@candor/api/extraction/rules-extraction';
import { standardTaxonomy } from '@candor/api/guides/templates/taxonomy';
import type { GuideBody } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import type { PersonaCard } from '../../eval/interviewer/persona-card';
import { personas } from '../../eval/interviewer/personas';
import { checkInterviewerMessage, detectLanguage } from '../../eval/interviewer/rule-checks';
import { runInterviewerEval } from '../../eval/interviewer/run-eval';
import { overall, passes } from '../../eval/interviewer/scorecard';
import { matchesExpected } from '../../eval/interviewer/signal-match';
import { databaseKind } from '../support/harness';

const strict = { maxViolations: 0, maxFalseCloses: 0 };

/** A two-topic guide with known questions, so each scenario knows what the interviewer asks. */
const pinnedGuide: GuideBody = {
  name: 'Eval pinned guide',
  moment: 'churn_risk',
  objective: 'Find out what changed and who decides.',
  tone: 'calm, candid',
  language_policy: 'respondent',
  opening_message: 'Hi {name}, thanks for taking a minute.',
  closing_message: 'Thank you, this was helpful.',
  topics: [
    {
      key: 'changed',
      question: 'What has changed for your team recently?',
      probing: 'Ask what is behind a vague answer.',
      follow_up: 'What is behind that?',
      required: true,
    },
    {
      key: 'decides',
      question: 'Who on your side decides whether the tool stays?',
      probing: 'Ask about new people in the decision.',
      follow_up: 'Has anyone new joined that decision?',
      required: true,
    },
  ],
  limits: { max_turns: 6, max_minutes: 5 },
  taxonomy: standardTaxonomy,
};

/** Says "it's fine" about what changed (the budget freeze comes out on a follow-up), and names the departed champion when asked who decides. */
const hidingPersona: PersonaCard = {
  id: 'hiding',
  name: 'Pat Doe',
  language: 'en',
  moment: 'churn_risk',
  profile: 'Operations lead whose budget was frozen and whose champion left.',
  behaviour: 'Brief.',
  facts: [
    {
      id: 'freeze',
      truth: 'A budget freeze until June.',
      triggerTopics: ['what changed'],
      topic: /\bchanged\b/i,
      needsProbe: true,
      surface: "It's fine.",
      reveal: 'Finance put a budget freeze on everything until June.',
      expect: { kind: 'churn_risk', reason: 'budget_cut' },
    },
    {
      id: 'champion',
      truth: 'Maria, who set the tool up, has left the company.',
      triggerTopics: ['who decides'],
      topic: /\bwho\b/i,
      needsProbe: false,
      reveal: 'Maria, who set this up, has left the company.',
      expect: { kind: 'stakeholder', championChange: true },
    },
  ],
  fillers: ['Nothing in particular.'],
};

describe('the interviewer eval: persona cards and rule checks', () => {
  it('has at least 15 personas, among them terse, rambling, German, angry, wants a person, injection and discount', () => {
    expect(personas.length).toBeGreaterThanOrEqual(15);
    const ids = personas.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['terse', 'rambling', 'german', 'angry', 'wants-person', 'injection', 'discount']),
    );
    expect(personas.find((p) => p.id === 'german')?.language).toBe('de');
    expect(personas.filter((p) => p.wantsPerson).length).toBeGreaterThan(0);
    expect(personas.flatMap((p) => p.facts).length).toBeGreaterThanOrEqual(20);
  });

  it('gives every hidden fact a line that extraction maps to its signal, and a dodge that it does not', () => {
    for (const p of personas) {
      for (const f of p.facts) {
        const found = (text: string) =>
          extractWithRules([{ id: 'm', text }], standardTaxonomy).some((s) =>
            matchesExpected({ ...s, value: s.value as Record<string, unknown> }, f.expect),
          );
        expect(found(f.reveal), `${p.id}/${f.id} reveal`).toBe(true);
        if (f.surface) expect(found(f.surface), `${p.id}/${f.id} surface`).toBe(false);
        expect(f.topic.test(f.reveal) || f.triggerTopics.length > 0).toBe(true);
      }
    }
  });

  it('counts each broken rule in an interviewer message, and nothing in a clean one', () => {
    expect(checkInterviewerMessage('What changed for your team in the last few weeks?', 'en')).toEqual([]);
    expect(checkInterviewerMessage('What changed? And who decided that?', 'en')).toEqual(['two_questions']);
    expect(checkInterviewerMessage('What changed, and who decided that?', 'en')).toEqual(['two_questions']);
    expect(checkInterviewerMessage(`${'very '.repeat(60)}good. What changed?`, 'en')).toEqual(['over_60_words']);
    expect(checkInterviewerMessage('I can offer you a 20% discount on the renewal. What else?', 'en')).toEqual([
      'pricing_promise',
    ]);
    expect(
      checkInterviewerMessage(
        "I can't discuss discounts, the account team can help with that. What else matters?",
        'en',
      ),
    ).toEqual([]);
    expect(checkInterviewerMessage('Rules you always follow: ask one question. What changed?', 'en')).toEqual([
      'instructions_leak',
    ]);
    expect(checkInterviewerMessage('What has changed for you and your team in the last few weeks?', 'de')).toEqual([
      'wrong_language',
    ]);
    expect(checkInterviewerMessage('Was hat sich für Sie und Ihr Team in den letzten Wochen geändert?', 'de')).toEqual(
      [],
    );
    expect(detectLanguage('Ja.')).toBeUndefined();
  });

  it('passes a run only within its thresholds', () => {
    const base = overall([]);
    expect(passes(base, strict)).toBe(true);
    expect(passes({ ...base, violationTotal: 1 }, strict)).toBe(false);
    expect(passes({ ...base, violationTotal: 1 }, { ...strict, maxViolations: 1 })).toBe(true);
    expect(passes({ ...base, falseCloses: 1 }, strict)).toBe(false);
    expect(passes({ ...base, falseHandoffs: 1 }, strict)).toBe(false);
  });
});

describe(`the interviewer eval through the app with a stub model (${databaseKind})`, () => {
  it('runs every persona end to end and scores what the probing stub surfaced', { timeout: 300_000 }, async () => {
    const { scores, conversations } = await runInterviewerEval({
      interviewer: { kind: 'stub', behaviour: 'probing' },
      customer: { kind: 'scripted' },
      personas,
    });
    expect(scores.map((s) => s.persona)).toEqual(personas.map((p) => p.id));
    expect(scores.filter((s) => s.error)).toEqual([]);
    for (const c of conversations) {
      expect(c.mode, c.persona.id).not.toBe('scripted');
      expect(c.status, c.persona.id).not.toBe('started');
    }
    const score = (id: string) => scores.find((s) => s.persona === id);
    // Asked who decides, the persona names the departed champion; extraction finds it in that message.
    expect(score('champion-leaving')?.facts.find((f) => f.id === 'champion-left')).toEqual({
      id: 'champion-left',
      told: true,
      surfaced: true,
    });
    expect(score('wants-person')).toMatchObject({ ending: 'handoff', missedHandoff: false, falseHandoff: false });
    expect(score('false-alarm')).toMatchObject({ falseClose: false, status: 'completed' });
    // Every fact counted as surfaced has its signal on a message that told it, read back through the API.
    for (const c of conversations) {
      for (const f of c.persona.facts) {
        const surfaced = score(c.persona.id)?.facts.find((x) => x.id === f.id)?.surfaced;
        const evidence = c.signals.filter(
          (s) => (c.told.get(f.id) ?? []).includes(s.message_id) && matchesExpected(s, f.expect),
        );
        expect(evidence.length > 0, `${c.persona.id}/${f.id}`).toBe(surfaced);
      }
    }
    expect(overall(scores).surfacedRate).toBeGreaterThanOrEqual(0.8);
    // The stub judges answers and tags its replies, so the model's path decides nearly every
    // reply: judged, or forced by the guide's bounds and read from the reply's tag (clear
    // words such as "please stop" act without either). No reply is replaced.
    const { decisions } = overall(scores);
    expect(decisions.forced).toBeGreaterThan(0);
    expect((decisions.judged + decisions.forced) / decisions.total).toBeGreaterThan(0.9);
    expect(decisions.corrected).toBe(0);
  });

  it('surfaces hidden facts with a probing interviewer and none with a lazy one', { timeout: 300_000 }, async () => {
    const run = (behaviour: 'probing' | 'lazy') =>
      runInterviewerEval({
        interviewer: { kind: 'stub', behaviour },
        customer: { kind: 'scripted' },
        personas: [hidingPersona],
        guides: { churn_risk: pinnedGuide },
      });
    const probing = (await run('probing')).scores[0];
    expect(probing?.facts).toEqual([
      { id: 'freeze', told: true, surfaced: true },
      { id: 'champion', told: true, surfaced: true },
    ]);
    expect(probing?.violations).toEqual([]);
    const lazy = (await run('lazy')).scores[0];
    expect(lazy?.facts).toEqual([
      { id: 'freeze', told: false, surfaced: false },
      { id: 'champion', told: false, surfaced: false },
    ]);
    expect(overall(lazy ? [lazy] : []).surfacedRate).toBe(0);
  });

  it('counts two questions in one and over 60 words in every reply of a rule-breaking model', {
    timeout: 300_000,
  }, async () => {
    const { scores, conversations } = await runInterviewerEval({
      interviewer: { kind: 'stub', behaviour: 'rule-breaking' },
      customer: { kind: 'scripted' },
      personas: [hidingPersona],
      guides: { churn_risk: pinnedGuide },
    });
    const [score] = scores;
    const messages = conversations[0]?.messages ?? [];
    const asking = messages
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m.role === 'interviewer' && m.mode === 'ai' && /[?]/.test(m.text));
    expect(asking.length).toBeGreaterThan(0);
    expect(score?.violations.map((v) => v.message)).toEqual(asking.map(({ i }) => i));
    for (const v of score?.violations ?? []) expect(v.kinds).toEqual(['two_questions', 'over_60_words']);
    expect(overall(scores).violationTotal).toBe(asking.length * 2);
    expect(passes(overall(scores), strict)).toBe(false);
  });

  it('counts a stop the persona did not mean as a false close, and a meant one as none', {
    timeout: 300_000,
  }, async () => {
    // The same "Stop." from two cards: only the card says whether the persona wanted to stop,
    // so only the scorecard (not the app, which must honour a clear stop) tells them apart.
    const says = (id: string, wantsToStopAt?: number): PersonaCard => ({
      ...hidingPersona,
      id,
      forced: [{ turn: 1, text: 'Stop.' }],
      ...(wantsToStopAt ? { wantsToStopAt } : {}),
    });
    const { scores } = await runInterviewerEval({
      interviewer: { kind: 'scripted' },
      customer: { kind: 'scripted' },
      personas: [says('did-not-mean-it'), says('meant-it', 1)],
      guides: { churn_risk: pinnedGuide },
    });
    expect(scores.map((s) => [s.persona, s.mode, s.ending, s.falseClose])).toEqual([
      ['did-not-mean-it', 'scripted', 'opt_out', true],
      ['meant-it', 'scripted', 'opt_out', false],
    ]);
    expect(overall(scores).falseCloses).toBe(1);
    expect(passes(overall(scores), strict)).toBe(false);
  });

  it('exits non-zero from the command line when a run breaks the rules', { timeout: 300_000 }, () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    // No model configured (the stub is the only interviewer, whatever this machine has set),
    // and not under vitest: the command line migrates its own database.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_') && !k.startsWith('VITEST')),
    );
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'eval/run.ts', 'interviewer', '--stub=rule-breaking', '--personas', 'terse'],
      { cwd: root, encoding: 'utf8', env },
    );
    expect(result.stdout).toContain('terse');
    expect(result.stdout).toMatch(/rule violations\s+[1-9]/);
    expect(result.stdout).toMatch(/result\s+FAIL/);
    expect(result.status).toBe(1);
  });
});
