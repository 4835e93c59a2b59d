import { fatigueSettingsSchema } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { checkFatigue, emailSendTime, type FatigueContext } from './fatigue';

const now = new Date('2026-11-23T12:00:00Z');
const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
const settings = fatigueSettingsSchema.parse({});
const base: FatigueContext = {
  now,
  guideId: 'g-pulse',
  channel: 'in_app',
  contact: { optedOutAt: null, email: 'ada@acme.io' },
  contactHistory: [],
  accountInterviewsInBudget: 0,
  lastCsmTouchAt: null,
};

describe('checkFatigue', () => {
  it('lets a fresh contact through', () => {
    expect(checkFatigue(base, settings)).toBeNull();
  });

  it('blocks an opted-out contact on every channel', () => {
    const ctx = { ...base, contact: { ...base.contact, optedOutAt: days(100) } };
    expect(checkFatigue(ctx, settings)).toBe('opted_out');
    expect(checkFatigue({ ...ctx, channel: 'email' }, settings)).toBe('opted_out');
  });

  it('blocks email to a contact without an address, not in-app', () => {
    const ctx = { ...base, contact: { optedOutAt: null, email: null } };
    expect(checkFatigue({ ...ctx, channel: 'email' }, settings)).toBe('no_email');
    expect(checkFatigue(ctx, settings)).toBeNull();
  });

  it('asks a contact at most once per guide unless the trigger allows repeats', () => {
    const ctx = { ...base, contactHistory: [{ guideId: 'g-pulse', invitedAt: days(200) }] };
    expect(checkFatigue(ctx, settings)).toBe('already_asked_guide');
    expect(checkFatigue(ctx, settings, { once_per_guide: false })).toBeNull();
  });

  it('keeps the recontact window across guides, overridable per trigger', () => {
    const ctx = { ...base, contactHistory: [{ guideId: 'g-other', invitedAt: days(13) }] };
    expect(checkFatigue(ctx, settings)).toBe('recontact_window');
    expect(
      checkFatigue({ ...ctx, contactHistory: [{ guideId: 'g-other', invitedAt: days(15) }] }, settings),
    ).toBeNull();
    expect(checkFatigue(ctx, settings, { recontact_days: 7 })).toBeNull();
  });

  it('caps interviews per account per period across contacts and channels', () => {
    expect(checkFatigue({ ...base, accountInterviewsInBudget: 2 }, settings)).toBeNull();
    expect(checkFatigue({ ...base, accountInterviewsInBudget: 3 }, settings)).toBe('account_budget');
  });

  it('backs off after a CSM touch', () => {
    expect(checkFatigue({ ...base, lastCsmTouchAt: days(3) }, settings)).toBe('csm_touch_backoff');
    expect(checkFatigue({ ...base, lastCsmTouchAt: days(8) }, settings)).toBeNull();
  });
});

describe('emailSendTime (quiet hours in the contact time zone)', () => {
  const quiet = { start_hour: 20, end_hour: 8 };

  it('sends at once outside quiet hours', () => {
    // 12:00 UTC is 13:00 in Paris
    expect(emailSendTime(now, 'Europe/Paris', quiet)).toEqual(now);
  });

  it('defers to 08:00 local time inside quiet hours', () => {
    // 12:00 UTC is 21:00 in Tokyo → next 08:00 Tokyo is 23:00 UTC
    expect(emailSendTime(now, 'Asia/Tokyo', quiet).toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });

  it('sends at once when quiet hours are off', () => {
    expect(emailSendTime(now, 'Asia/Tokyo', null)).toEqual(now);
  });
});
