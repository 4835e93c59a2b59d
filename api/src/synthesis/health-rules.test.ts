import type { KindedSignalValue } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { assessHealth, type HealthSignal, nextUsageChange, type UsageDay, usageClass, usageOn } from './health-rules';

let n = 0;
const signal = (kindAndValue: KindedSignalValue): HealthSignal => ({
  id: `s${++n}`,
  ...kindAndValue,
  quote: `quote ${n}`,
  message_id: `m${n}`,
  interview_id: 'i1',
  created_at: new Date(),
});
const steady = { recent: 40, previous: 40, days: 30 };

describe('assessHealth', () => {
  it('is unknown with nothing to go on, healthy with steady usage', () => {
    expect(assessHealth({ usage: { recent: 0, previous: 0, days: 30 }, signals: [] }).state).toBe('unknown');
    expect(assessHealth({ usage: steady, signals: [] })).toEqual({ state: 'healthy', reasons: [] });
  });

  it('puts a high churn risk at risk, citing the quote', () => {
    const high = signal({ kind: 'churn_risk', value: { level: 'high', reasons: ['price_value'] } });
    const result = assessHealth({ usage: steady, signals: [high] });
    expect(result.state).toBe('at_risk');
    expect(result.reasons[0]).toMatchObject({
      code: 'churn_risk_high',
      evidence: { quote: high.quote, message_id: high.message_id },
    });
  });

  it('puts a request for a human at risk', () => {
    expect(
      assessHealth({ usage: steady, signals: [signal({ kind: 'wants_human', value: { reason: null } })] }).state,
    ).toBe('at_risk');
  });

  it('watches a 25% usage drop and calls 50% at risk', () => {
    expect(assessHealth({ usage: { recent: 30, previous: 40, days: 30 }, signals: [] }).state).toBe('watch');
    expect(assessHealth({ usage: { recent: 20, previous: 40, days: 30 }, signals: [] }).state).toBe('at_risk');
    expect(assessHealth({ usage: { recent: 31, previous: 40, days: 30 }, signals: [] }).state).toBe('healthy');
  });

  it('needs a usage baseline before a drop counts', () => {
    expect(assessHealth({ usage: { recent: 0, previous: 9, days: 30 }, signals: [] }).state).toBe('healthy');
    expect(assessHealth({ usage: { recent: 0, previous: 10, days: 30 }, signals: [] }).reasons[0]?.code).toBe(
      'usage_stopped',
    );
  });

  it('combines a medium churn risk with a moderate drop into at risk', () => {
    const medium = signal({ kind: 'churn_risk', value: { level: 'medium', reasons: [] } });
    expect(assessHealth({ usage: steady, signals: [medium] }).state).toBe('watch');
    expect(assessHealth({ usage: { recent: 30, previous: 40, days: 30 }, signals: [medium] }).state).toBe('at_risk');
  });

  it('watches mostly negative sentiment', () => {
    const neg = () => signal({ kind: 'sentiment', value: { polarity: 'negative' } });
    const pos = signal({ kind: 'sentiment', value: { polarity: 'positive' } });
    expect(assessHealth({ usage: steady, signals: [neg(), neg(), pos] }).state).toBe('watch');
    expect(assessHealth({ usage: steady, signals: [neg(), pos] }).state).toBe('healthy');
  });
});

describe('usageClass', () => {
  it('gives two usages the same class only when the rules assess them alike', () => {
    const medium = signal({ kind: 'churn_risk', value: { level: 'medium', reasons: ['budget'] } });
    const byClass = new Map<string, string>();
    for (let previous = 0; previous <= 60; previous++)
      for (let recent = 0; recent <= 60; recent++)
        for (const signals of [[], [medium]]) {
          const usage = { recent, previous, days: 30 };
          const key = `${usageClass(usage)}|${signals.length}`;
          const outcome = JSON.stringify(assessHealth({ usage, signals }));
          expect(byClass.get(key) ?? outcome).toBe(outcome);
          byClass.set(key, outcome);
        }
    // steady usage keeps one class however the windows slide; a drop past 25% changes it
    expect(usageClass({ recent: 40, previous: 38 })).toBe(usageClass({ recent: 35, previous: 41 }));
    expect(usageClass({ recent: 30, previous: 41 })).not.toBe(usageClass({ recent: 31, previous: 41 }));
  });
});

describe('nextUsageChange', () => {
  const dayAfter = (day: string, n: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const classOn = (usage: UsageDay[], day: string) => usageClass(usageOn(usage, day, 30));

  it('names the first day the class changes as the windows slide, tried against every day', () => {
    const today = '2026-12-07';
    let seed = 7;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let round = 0; round < 300; round++) {
      // Sparse, bursty or steady usage over the two windows, and now and then a day ahead.
      const usage: UsageDay[] = [];
      const density = random();
      for (let age = -3; age < 60; age++)
        if (random() < density) usage.push({ day: dayAfter(today, -age), events: Math.floor(random() * 6) });
      const next = nextUsageChange(usage, today, 30);
      const until = next ?? dayAfter(today, 130);
      for (let day = dayAfter(today, 1); day < until; day = dayAfter(day, 1))
        expect(classOn(usage, day), `${round} ${day}`).toBe(classOn(usage, today));
      if (next) expect(classOn(usage, next)).not.toBe(classOn(usage, today));
    }
  });

  it('catches a drop crossing 25% with no new event, and knows when nothing is left to slide', () => {
    const usage = [
      { day: '2026-10-23', events: 40 },
      { day: '2026-11-09', events: 30 },
      { day: '2026-12-06', events: 1 },
    ];
    expect(classOn(usage, '2026-12-07')).toBe('used');
    expect(nextUsageChange(usage, '2026-12-07', 30)).toBe('2026-12-09');
    expect(nextUsageChange([], '2026-12-07', 30)).toBeNull();
    expect(nextUsageChange([{ day: '2026-10-01', events: 5 }], '2026-12-07', 30)).toBeNull();
  });
});
