import type { Conversation } from './conversation';
import { checkInterviewerMessage, type ViolationKind, violationKinds } from './rule-checks';
import { matchesExpected } from './signal-match';

export type FactScore = { id: string; told: boolean; surfaced: boolean };

/** How one persona's interview went. */
export type PersonaScore = {
  persona: string;
  mode: string;
  status: string;
  /** How the interview ended: the last decision's action (close, handoff, opt_out), or `open` if it did not. */
  ending: string;
  answers: number;
  facts: FactScore[];
  violations: { message: number; kinds: ViolationKind[]; text: string }[];
  /** Ended (opted out, or declined) although the persona had not asked to stop. */
  falseClose: boolean;
  /** Handed to a person the persona never asked for. */
  falseHandoff: boolean;
  /** The persona asked for a person and was not handed off. */
  missedHandoff: boolean;
  /** The persona asked to stop and was still being asked questions two answers later. */
  ignoredStop: boolean;
  /** Replies decided from the model's judgement of the answer, and those whose words were replaced. */
  decisions: { total: number; judged: number; forced: number; corrected: number };
  error?: string;
};

export type Overall = {
  personas: number;
  facts: number;
  told: number;
  surfaced: number;
  /** Surfaced facts over all hidden facts (1 when there are none). */
  surfacedRate: number;
  violations: Record<ViolationKind, number>;
  violationTotal: number;
  falseCloses: number;
  falseHandoffs: number;
  missedHandoffs: number;
  ignoredStops: number;
  meanAnswers: number;
  decisions: PersonaScore['decisions'];
  errors: number;
};

/** Scores one conversation against its persona card. */
export function scoreConversation(c: Conversation): PersonaScore {
  const card = c.persona;
  const facts = card.facts.map((f) => {
    const told = c.told.get(f.id) ?? [];
    // A fact counts as surfaced when extraction found it in a message that told it.
    const surfaced = c.signals.some((s) => told.includes(s.message_id) && matchesExpected(s, f.expect));
    return { id: f.id, told: told.length > 0, surfaced };
  });
  const violations = c.messages.flatMap((m, i) => {
    if (m.role !== 'interviewer') return [];
    const kinds = checkInterviewerMessage(m.text, card.language);
    return kinds.length ? [{ message: i, kinds, text: m.text }] : [];
  });
  const last = c.messages.findLast((m) => m.role === 'interviewer');
  const ending =
    c.status === 'started' ? 'open' : (last?.decision?.action ?? (c.status === 'declined' ? 'opt_out' : 'close'));
  const decisions = c.messages.flatMap((m) => (m.role === 'interviewer' && m.decision ? [m.decision] : []));
  const askedToStop = card.wantsToStopAt !== undefined && c.answers >= card.wantsToStopAt;
  const stoppedLate = card.wantsToStopAt !== undefined && c.answers > card.wantsToStopAt + 1;
  return {
    persona: card.id,
    mode: c.mode,
    status: c.status,
    ending,
    answers: c.answers,
    facts,
    violations,
    falseClose: (ending === 'opt_out' || c.status === 'declined') && !askedToStop,
    falseHandoff: ending === 'handoff' && !card.wantsPerson,
    missedHandoff: Boolean(card.wantsPerson) && ending !== 'handoff',
    ignoredStop: stoppedLate,
    decisions: {
      total: decisions.length,
      judged: decisions.filter((d) => d.decided_by === 'judgement').length,
      // Turns the guide's bounds decided whatever the answer: no judgement was asked for.
      forced: decisions.filter((d) => d.decided_by === 'forced' || d.decided_by === 'reply_tag').length,
      corrected: decisions.filter((d) => d.corrected).length,
    },
    ...(c.error ? { error: c.error } : {}),
  };
}

/** Totals over every persona. */
export function overall(scores: PersonaScore[]): Overall {
  const facts = scores.flatMap((s) => s.facts);
  const violations = Object.fromEntries(violationKinds.map((k) => [k, 0])) as Record<ViolationKind, number>;
  for (const v of scores.flatMap((s) => s.violations)) for (const k of v.kinds) violations[k] += 1;
  const surfaced = facts.filter((f) => f.surfaced).length;
  return {
    personas: scores.length,
    facts: facts.length,
    told: facts.filter((f) => f.told).length,
    surfaced,
    surfacedRate: facts.length ? surfaced / facts.length : 1,
    violations,
    violationTotal: Object.values(violations).reduce((a, b) => a + b, 0),
    falseCloses: scores.filter((s) => s.falseClose).length,
    falseHandoffs: scores.filter((s) => s.falseHandoff).length,
    missedHandoffs: scores.filter((s) => s.missedHandoff).length,
    ignoredStops: scores.filter((s) => s.ignoredStop).length,
    meanAnswers: scores.length ? scores.reduce((a, s) => a + s.answers, 0) / scores.length : 0,
    decisions: {
      total: sum(scores, (s) => s.decisions.total),
      judged: sum(scores, (s) => s.decisions.judged),
      forced: sum(scores, (s) => s.decisions.forced),
      corrected: sum(scores, (s) => s.decisions.corrected),
    },
    errors: scores.filter((s) => s.error).length,
  };
}

const sum = (scores: PersonaScore[], of: (s: PersonaScore) => number) => scores.reduce((a, s) => a + of(s), 0);

/** What good looks like; the run fails on violations or false ends above their thresholds. */
export const GOALS = { surfacedRate: 0.8, maxViolations: 0, maxFalseCloses: 0 };

export type Thresholds = { maxViolations: number; maxFalseCloses: number };

/** Whether the run passes: violations and false ends (false closes and false hand-offs) within thresholds, no errors. */
export function passes(o: Overall, t: Thresholds): boolean {
  return o.violationTotal <= t.maxViolations && o.falseCloses + o.falseHandoffs <= t.maxFalseCloses && o.errors === 0;
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);

/** The scorecard as a table: one row per persona, then the totals and the goals. */
export function formatScorecard(scores: PersonaScore[], t: Thresholds): string {
  const rows = [
    `${pad('persona', 18)}${pad('mode', 9)}${pad('ending', 9)}${pad('answers', 8)}${pad('told', 6)}${pad('surfaced', 9)}${pad('violations', 11)}${pad('judged', 8)}flags`,
  ];
  for (const s of scores) {
    const told = s.facts.filter((f) => f.told).length;
    const surfaced = s.facts.filter((f) => f.surfaced).length;
    const flags = [
      s.falseClose && 'FALSE-CLOSE',
      s.falseHandoff && 'FALSE-HANDOFF',
      s.missedHandoff && 'MISSED-HANDOFF',
      s.ignoredStop && 'IGNORED-STOP',
      s.error && `ERROR ${s.error}`,
    ].filter(Boolean);
    const kinds = [...new Set(s.violations.flatMap((v) => v.kinds))].join(',');
    rows.push(
      `${pad(s.persona, 18)}${pad(s.mode, 9)}${pad(s.ending, 9)}${pad(s.answers, 8)}${pad(`${told}/${s.facts.length}`, 6)}${pad(`${surfaced}/${s.facts.length}`, 9)}${pad(s.violations.length ? `${s.violations.length} ${kinds}` : '0', 11)}${pad(`${s.decisions.judged}/${s.decisions.total}`, 8)}${flags.join(' ')}`.trimEnd(),
    );
  }
  const o = overall(scores);
  const v = violationKinds.map((k) => `${k} ${o.violations[k]}`).join(', ');
  rows.push(
    '',
    `hidden facts surfaced  ${o.surfaced}/${o.facts} (${(o.surfacedRate * 100).toFixed(0)}%; told by the persona ${o.told}/${o.facts})   goal ≥ ${GOALS.surfacedRate * 100}%`,
    `rule violations        ${o.violationTotal} (${v})   threshold ${t.maxViolations}`,
    `false closes           ${o.falseCloses}   false hand-offs ${o.falseHandoffs}   threshold ${t.maxFalseCloses} together`,
    `missed hand-offs       ${o.missedHandoffs}   ignored stops ${o.ignoredStops}   mean answers ${o.meanAnswers.toFixed(1)}`,
    `judged replies         ${o.decisions.judged}/${o.decisions.total} decided from the model's judgement, ${o.decisions.forced} forced by the guide's bounds (not judged); ${o.decisions.corrected} replies replaced by the guide's words`,
    `result                 ${passes(o, t) ? 'PASS' : 'FAIL'}`,
  );
  return rows.join('\n');
}
