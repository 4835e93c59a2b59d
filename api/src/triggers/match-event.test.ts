import { describe, expect, it } from 'vitest';
import { attributeMatches, eventFiresRule, usageDropped } from './match-event';

describe('eventFiresRule', () => {
  const rule = { type: 'event' as const, event: 'feature_used', filter: { feature: 'reports', beta: true } };

  it('fires on the named event when every filter property matches', () => {
    expect(eventFiresRule(rule, { name: 'feature_used', properties: { feature: 'reports', beta: true, x: 1 } })).toBe(
      true,
    );
  });

  it('does not fire on another event or a differing property', () => {
    expect(eventFiresRule(rule, { name: 'login', properties: { feature: 'reports', beta: true } })).toBe(false);
    expect(eventFiresRule(rule, { name: 'feature_used', properties: { feature: 'reports', beta: 'true' } })).toBe(
      false,
    );
    expect(eventFiresRule(rule, { name: 'feature_used', properties: { feature: 'exports', beta: true } })).toBe(false);
  });

  it('fires a health-change rule on the matching state transition only', () => {
    const health = { type: 'health_change' as const, to: 'at_risk' as const, from: 'healthy' as const };
    const changed = (from: string, to: string) => ({ name: 'account.state_changed', properties: { from, to } });
    expect(eventFiresRule(health, changed('healthy', 'at_risk'))).toBe(true);
    expect(eventFiresRule(health, changed('watch', 'at_risk'))).toBe(false);
    expect(eventFiresRule({ type: 'health_change', to: 'at_risk' }, changed('watch', 'at_risk'))).toBe(true);
    expect(eventFiresRule(health, changed('at_risk', 'healthy'))).toBe(false);
  });

  it('never fires schedule, usage or manual rules from an event', () => {
    expect(eventFiresRule({ type: 'manual' }, { name: 'manual', properties: {} })).toBe(false);
  });
});

describe('attributeMatches', () => {
  it('compares numbers numerically, also when stored as text', () => {
    expect(attributeMatches('120', 'gt', 100)).toBe(true);
    expect(attributeMatches(99, 'gte', 100)).toBe(false);
  });
  it('compares text case-insensitively', () => {
    expect(attributeMatches('Enterprise', 'eq', 'enterprise')).toBe(true);
    expect(attributeMatches('Team plan', 'contains', 'team')).toBe(true);
    expect(attributeMatches('team', 'neq', 'team')).toBe(false);
  });
  it('treats a missing attribute as not equal to anything', () => {
    expect(attributeMatches(undefined, 'eq', 'x')).toBe(false);
    expect(attributeMatches(null, 'neq', 'x')).toBe(true);
  });
});

describe('usageDropped', () => {
  it('fires at the threshold and not below it', () => {
    expect(usageDropped(100, 60, 40)).toBe(true);
    expect(usageDropped(100, 61, 40)).toBe(false);
  });
  it('needs a baseline before calling anything a drop', () => {
    expect(usageDropped(5, 0, 40)).toBe(false);
  });
});
