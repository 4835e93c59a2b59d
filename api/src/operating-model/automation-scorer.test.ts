import { type AutomationTask, defaultTasks } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { scoreTasks } from './automation-scorer';

const task = (name: string, over: Partial<AutomationTask> = {}): AutomationTask => ({
  name,
  hours_per_month: 10,
  frequency: 3,
  consistency: 3,
  judgement: 3,
  data_availability: 3,
  blast_radius: 3,
  target_layer: 'automated',
  infrastructure: 'x',
  ...over,
});

describe('automation opportunity scorer', () => {
  it('scores readiness from the five criteria, judgement and blast radius counting against', () => {
    const [best, worst] = scoreTasks([
      task('easy', { frequency: 5, consistency: 5, judgement: 1, data_availability: 5, blast_radius: 1 }),
      task('hard', { frequency: 1, consistency: 1, judgement: 5, data_availability: 1, blast_radius: 5 }),
    ]).tasks;
    expect(best).toMatchObject({ readiness: 5, risk: 1, hours_saved_per_month: 10, priority: 10 });
    expect(worst).toMatchObject({ readiness: 1, risk: 5, hours_saved_per_month: 2, priority: 0.4 });
  });

  it('ranks the top five by time saved at lowest risk and leaves human-led work out', () => {
    const { tasks, top } = scoreTasks(defaultTasks);
    expect(tasks).toHaveLength(defaultTasks.length);
    expect(top).toHaveLength(5);
    expect(top.some((t) => t.target_layer === 'human_led')).toBe(false);
    for (let i = 1; i < top.length; i++) expect(top[i - 1]?.priority).toBeGreaterThanOrEqual(top[i]?.priority ?? 0);
    expect(top[0]?.name).toBe('CRM notes and data entry');
  });
});
