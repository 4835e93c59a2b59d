import type { AutomationTask } from '@candor/shared';

export type ScoredTask = AutomationTask & {
  /** 1–5: frequent, consistent, low-judgement, data-ready, low blast radius tasks score high. */
  readiness: number;
  /** 1–5: the mean of judgement required and blast radius. */
  risk: number;
  /** Hours per CSM per month the move would save: hours × readiness ÷ 5. */
  hours_saved_per_month: number;
  /** Ranking key: hours saved × (6 − risk) ÷ 5, so equal savings rank the safer task first. */
  priority: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Seed 000's Automation Opportunity Scorer: readiness for every task, ranked by time saved at lowest risk. */
export function scoreTasks(tasks: AutomationTask[]): { tasks: ScoredTask[]; top: ScoredTask[] } {
  const scored = tasks.map((t): ScoredTask => {
    const readiness = round1(
      (t.frequency + t.consistency + (6 - t.judgement) + t.data_availability + (6 - t.blast_radius)) / 5,
    );
    const risk = round1((t.judgement + t.blast_radius) / 2);
    const saved = round1((t.hours_per_month * readiness) / 5);
    return { ...t, readiness, risk, hours_saved_per_month: saved, priority: round1((saved * (6 - risk)) / 5) };
  });
  const top = scored
    .filter((t) => t.target_layer !== 'human_led')
    .sort((a, b) => b.priority - a.priority || a.risk - b.risk || a.name.localeCompare(b.name))
    .slice(0, 5);
  return { tasks: scored, top };
}
