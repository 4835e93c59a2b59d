import { describe, expect, it } from 'vitest';
import { digestKey } from './account-digests';
import { EvidenceRefs, type EvidenceSignal, resolveClaims } from './evidence';

const signal = (id: string, quote = `quote ${id}`): EvidenceSignal => ({
  id,
  account_id: 'a1',
  kind: 'sentiment',
  value: { polarity: 'negative' },
  quote,
  interview_id: `i-${id}`,
  message_id: `m-${id}`,
  contact_name: null,
  contact_role: null,
  created_at: new Date('2026-11-01T00:00:00Z'),
});

describe('digest cache keys', () => {
  it('depend on the set of signals, not their order', () => {
    expect(digestKey('gpt-4.1', [signal('x'), signal('y')])).toBe(digestKey('gpt-4.1', [signal('y'), signal('x')]));
  });
  it('change with a new signal or another model', () => {
    const base = digestKey('gpt-4.1', [signal('x')]);
    expect(digestKey('gpt-4.1', [signal('x'), signal('z')])).not.toBe(base);
    expect(digestKey('gpt-4.1-mini', [signal('x')])).not.toBe(base);
  });
});

describe('resolving cited claims', () => {
  const warnings: object[] = [];
  const deps = { db: undefined as never, log: { warn: (o: object) => warnings.push(o) } as never };

  it('turns refs into the stored quote and message, and drops claims with unknown or no evidence', async () => {
    const refs = new EvidenceRefs();
    const s1 = refs.signal(signal('x', 'Exports keep timing out'));
    expect(refs.signal(signal('x'))).toBe(s1);
    const f1 = refs.fact('Renews in 20 days');
    const items = await resolveClaims(
      deps,
      { id: 'ws' },
      refs,
      [
        { text: 'Exports are slow', citations: [s1.toLowerCase(), f1] },
        { text: 'Renewal is close', citations: [f1] },
        { text: 'Invented', citations: [s1, 'S42'] },
        { text: 'Opinion', citations: [] },
      ],
      { artifact: 'test', section: 'risks' },
    );
    expect(items).toEqual([
      {
        text: 'Exports are slow',
        quote: 'Exports keep timing out',
        interview_id: 'i-x',
        message_id: 'm-x',
        citations: [{ signal_id: 'x', quote: 'Exports keep timing out', interview_id: 'i-x', message_id: 'm-x' }],
        facts: ['Renews in 20 days'],
      },
      {
        text: 'Renewal is close',
        quote: null,
        interview_id: null,
        message_id: null,
        citations: [],
        facts: ['Renews in 20 days'],
      },
    ]);
    // Logged by section and count, never the claims' words.
    expect(warnings).toEqual([expect.objectContaining({ section: 'risks', dropped: 2, kept: 2 })]);
    expect(JSON.stringify(warnings)).not.toContain('Invented');
  });
});
