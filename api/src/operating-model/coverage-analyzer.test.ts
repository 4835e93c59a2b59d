import { operatingModelInputsSchema } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from './coverage-analyzer';

const coverage = operatingModelInputsSchema.parse({}).coverage;
const none = { weeks: 13, interviews_completed: {}, renewal_briefs: 0, weekly_briefings: 0 };

describe('coverage model analyzer', () => {
  it('places every activity in a layer and projects the book from the hours freed', () => {
    const a = analyzeCoverage(coverage, { csms: 4, book_per_csm: 30 }, none);
    expect(a.activities).toHaveLength(7);
    // 40 h: onboarding 6 h × 50% = 3, check-ins 8 × 60% = 4.8, renewals 4 × 40% = 1.6,
    // escalations 6 × 20% = 1.2, expansion 0, coordination 6 × 35% = 2.1, admin 6 × 50% = 3.
    expect(a.activities.map((x) => x.hours_saved_per_week)).toEqual([3, 4.8, 1.6, 1.2, 0, 2.1, 3]);
    expect(a.hours_saved_per_week).toBe(15.7);
    expect(a.projected_book_per_csm).toBe(Math.round((30 * 40) / (40 - 15.7)));
    expect(a.activities.every((x) => x.basis === 'assumed')).toBe(true);
    expect(a.activities.find((x) => x.activity === 'strategic_expansion')?.target_layer).toBe('human_led');
    // hours saved ÷ complexity (low 1, medium 2, high 3): check-ins 4.8, onboarding 3, admin 1.5.
    expect(a.top_moves.map((m) => m.activity)).toEqual(['recurring_check_ins', 'onboarding', 'admin_data_entry']);
  });

  it("grounds hours saved in Candor's measured volumes, capped at the activity's hours", () => {
    const a = analyzeCoverage(
      coverage,
      { csms: 2, book_per_csm: 40 },
      { weeks: 13, interviews_completed: { health_pulse: 104 }, renewal_briefs: 1000, weekly_briefings: 26 },
    );
    const checkIns = a.activities.find((x) => x.activity === 'recurring_check_ins');
    // 104 interviews × 30 min ÷ 13 weeks ÷ 2 CSMs = 2 h per CSM per week.
    expect(checkIns).toMatchObject({ basis: 'measured', hours_saved_per_week: 2 });
    expect(checkIns?.how).toContain('104 health pulse interviews completed in 13 weeks × 30 min');
    // 1000 briefs would be far more than the 4 h renewal management takes: capped.
    expect(a.activities.find((x) => x.activity === 'renewal_management')?.hours_saved_per_week).toBe(4);
    // 26 briefings × 90 min ÷ 13 ÷ 2 = 1.5 h.
    expect(a.activities.find((x) => x.activity === 'internal_coordination')?.hours_saved_per_week).toBe(1.5);
  });

  it('uses the entered team size and book over the measured ones', () => {
    const a = analyzeCoverage({ ...coverage, csms: 10, book_per_csm: 25 }, { csms: 3, book_per_csm: 70 }, none);
    expect([a.csms, a.book_per_csm]).toEqual([10, 25]);
  });
});
