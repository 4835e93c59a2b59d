import { describe, expect, it } from 'vitest';
import { dealPart, describeChange } from './stakeholder-map';

describe('describeChange', () => {
  it('names a newcomer by role', () => {
    expect(describeChange('Our new CFO, Kwame, is reviewing every tool.', 'cfo')).toBe('new CFO');
    expect(describeChange('Unser neuer Geschäftsführer prüft alle Verträge.', 'neuer geschäftsführer')).toBe(
      'neuer geschäftsführer',
    );
  });
  it('says when someone left, in English whatever the language', () => {
    expect(describeChange('Our champion Tom left last month.', 'champion')).toBe('left last month');
    expect(describeChange('Unser Champion Jonas hat letzten Monat das Unternehmen verlassen.', 'champion')).toBe(
      'left last month',
    );
    expect(describeChange('Notre champion Léa est partie le mois dernier, la nouvelle équipe…', 'champion')).toBe(
      'left last month',
    );
    expect(describeChange('Sarah, who set this up, has left the company.', 'champion')).toBe('left');
    expect(describeChange('Our sponsor was replaced.', 'sponsor')).toBe('changed');
  });
});

describe('dealPart', () => {
  it('tells champions from economic buyers', () => {
    expect(dealPart('champion')).toBe('champion');
    expect(dealPart('vp of finance')).toBe('economic_buyer');
    expect(dealPart('economic buyer')).toBe('economic_buyer');
    expect(dealPart('end user')).toBeNull();
    expect(dealPart(null)).toBeNull();
  });
});
