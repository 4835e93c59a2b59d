import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../time/zoned-time';
import { briefingWeek, weekdayName } from './briefing-week';

describe('briefingWeek', () => {
  it('covers the next Monday to Friday on a Sunday', () => {
    const week = briefingWeek(new Date('2026-12-06T15:00:00Z'), 'Europe/Berlin');
    expect(week.monday).toBe('2026-12-07');
    expect(week.workdays).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']);
    expect(week.start.toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-12-11T23:00:00.000Z');
  });

  it('covers the next week on a Saturday, and the current one from Monday to Friday', () => {
    expect(briefingWeek(new Date('2026-12-05T10:00:00Z'), 'UTC').monday).toBe('2026-12-07');
    expect(briefingWeek(new Date('2026-12-09T10:00:00Z'), 'UTC').monday).toBe('2026-12-07');
    expect(briefingWeek(new Date('2026-12-11T22:00:00Z'), 'UTC').monday).toBe('2026-12-07');
  });

  it('reads the day in the CSM time zone, not in UTC', () => {
    // Sunday 20:00 in New York is already Monday 01:00 in UTC.
    const now = new Date('2026-12-07T01:00:00Z');
    expect(briefingWeek(now, 'America/New_York').monday).toBe('2026-12-07');
    // Saturday 23:30 UTC is Sunday in Tokyo: still the week ahead.
    expect(briefingWeek(new Date('2026-12-05T23:30:00Z'), 'Asia/Tokyo').monday).toBe('2026-12-07');
    // Friday 23:30 in New York is Saturday in UTC: still the current week there.
    expect(briefingWeek(new Date('2026-12-12T04:30:00Z'), 'America/New_York').monday).toBe('2026-12-07');
  });

  it('turns a wall-clock time into the instant, across daylight saving', () => {
    expect(zonedInstant('2026-07-06', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-07-06T07:00:00.000Z');
    expect(zonedInstant('2026-12-07', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(zonedInstant('2026-03-09', '09:00', 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(weekdayName('2026-12-07')).toBe('Monday');
  });
});
