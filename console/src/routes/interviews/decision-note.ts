import type { Schemas } from '../../api';

type TurnDecision = Schemas['TurnDecision'];

const actions: Record<string, string> = {
  probe: 'Probed',
  advance: 'Moved on',
  close: 'Closed',
  handoff: 'Handed off',
  opt_out: 'Stopped for good',
  confirm_stop: 'Asked to confirm a stop',
};

const whys: Record<string, string> = {
  thin_answer: 'short answer',
  vague_answer: 'vague answer',
  off_topic: 'off-topic answer',
  reason_not_reached: 'reason not reached',
  worth_probing: 'opened a thread worth one more why',
  probe_cap_reached: 'probe cap reached',
  answered: 'answered',
  asked_for_person: 'asked for a person',
  clear_stop: 'asked to stop',
  unclear_stop: 'may want to stop',
  stop_confirmed: 'confirmed the stop',
  not_stopping: 'chose to go on',
  nothing_more_on_optional_topic: 'nothing more on an optional topic',
  limit_reached: 'limit reached',
  topics_covered: 'topics covered',
  asked_a_question: 'asked a question',
  confused: 'did not understand the question',
};

/**
 * One line on why the interviewer did what it did, for the transcript:
 * "Probed: vague answer, reason not reached (1 of 2 probes)".
 */
export function describeDecision(d: TurnDecision): string {
  const asksAgain = d.action === 'advance' && ['asked_a_question', 'confused', 'not_stopping'].includes(d.why);
  const verb = asksAgain ? 'Asked again' : (actions[d.action] ?? d.action);
  const reasons = [whys[d.why] ?? d.why.replaceAll('_', ' ')];
  const j = d.judgement;
  // A probe for a vague answer that also lacks its reason says both.
  if (j && d.action === 'probe' && d.why !== 'reason_not_reached' && !j.reason_reached)
    reasons.push('reason not reached');
  if (d.reason === 'max_turns' || d.reason === 'max_minutes') reasons.push(d.reason.replace('_', ' '));
  let line = `${verb}: ${reasons.join(', ')}`;
  if (d.probes) line += ` (${d.probes.used} of ${d.probes.cap} probes)`;
  if (j && d.action === 'probe' && j.statement !== 'other') line += `; laddering a ${j.statement} statement`;
  return `${line}.`;
}

/** Who decided, in words: the model's judgement, or the rules (and why, when judging failed). */
export function describeDecider(d: TurnDecision): string {
  const parts: string[] = [];
  if (d.decided_by === 'judgement' && d.judgement)
    parts.push(
      `Judged by the model: ${d.judgement.quality.replace('_', '-')}, intent ${d.judgement.intent.replace('_', ' ')}, language ${d.judgement.language}`,
    );
  else if (d.decided_by === 'rules_after_failed_judgement')
    parts.push(`Decided by the rules (judgement failed: ${d.judgement_failure ?? 'unknown'})`);
  else if (d.decided_by === 'forced')
    parts.push('Forced by the guide’s bounds: no answer could change it, so none was judged');
  else if (d.decided_by === 'reply_tag')
    parts.push('Read from the model’s reply on a turn the guide’s bounds otherwise decided');
  else parts.push('Decided by the rules');
  if (d.corrected)
    parts.push(
      d.corrected === 'reply_untagged'
        ? "the model's reply did not say what it did and was replaced by the guide's words"
        : `the model's reply (${d.corrected.replace(/^reply_(move_)?/, '').replaceAll('_', ' ')}) was replaced by the guide's words`,
    );
  return `${parts.join('; ')}.`;
}
