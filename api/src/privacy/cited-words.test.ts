import { describe, expect, it } from 'vitest';
import { blankQuotesCiting, ERASED_CLAIM, redactClaimsCiting } from './cited-words';

const old = new Set(['i-old']);

describe('blankQuotesCiting', () => {
  it('blanks the quotes of items citing an erased interview and keeps the rest', () => {
    const brief = {
      sections: [
        {
          heading: 'Risks',
          items: [
            { text: 'Price concerns', quote: 'too expensive', interview_id: 'i-old', message_id: 'm1' },
            { text: 'Happy with support', quote: 'support is great', interview_id: 'i-new', message_id: 'm2' },
          ],
        },
      ],
    };
    const { value, changed } = blankQuotesCiting(brief, old);
    expect(changed).toBe(true);
    expect(value).toEqual({
      sections: [
        {
          heading: 'Risks',
          items: [
            { text: 'Price concerns', quote: '', interview_id: 'i-old', message_id: 'm1' },
            { text: 'Happy with support', quote: 'support is great', interview_id: 'i-new', message_id: 'm2' },
          ],
        },
      ],
    });
  });

  it('blanks quotes nested below the citing object (a webhook payload with its signals)', () => {
    const payload = {
      type: 'interview.completed',
      data: { interview_id: 'i-old', signals: [{ kind: 'x', quote: 'q' }] },
    };
    expect(blankQuotesCiting(payload, old).value).toEqual({
      type: 'interview.completed',
      data: { interview_id: 'i-old', signals: [{ kind: 'x', quote: '' }] },
    });
  });

  it('reports no change and returns the same document when nothing cites the interviews', () => {
    const doc = { items: [{ quote: 'kept', interview_id: 'i-new' }] };
    const result = blankQuotesCiting(doc, old);
    expect(result.changed).toBe(false);
    expect(result.value).toBe(doc);
  });
});

const ada = 'a0000000-0000-4000-8000-000000000001';
const bob = 'b0000000-0000-4000-8000-000000000002';
const erased = new Set([ada]);

describe('redactClaimsCiting', () => {
  it("redacts a brief item citing an erased interview and keeps everyone else's", () => {
    const content = {
      generated_at: '2026-11-01T00:00:00Z',
      sections: [
        {
          heading: 'Risks',
          items: [
            {
              text: 'Ada Lovelace (Champion): churn risk',
              quote: 'We might leave',
              interview_id: ada,
              message_id: 'm1',
            },
            { text: 'Bob: happy', quote: 'Bob is happy', interview_id: bob, message_id: 'm2' },
            { text: 'ARR flat', quote: null, interview_id: null, message_id: null },
          ],
        },
      ],
    };
    const { value: out, changed } = redactClaimsCiting(content, erased);
    expect(changed).toBe(true);
    expect(out).toEqual({
      generated_at: '2026-11-01T00:00:00Z',
      sections: [
        {
          heading: 'Risks',
          items: [
            { text: ERASED_CLAIM, quote: '', interview_id: ada, message_id: 'm1', erased: true },
            content.sections[0]!.items[1],
            content.sections[0]!.items[2],
          ],
        },
      ],
    });
  });

  it('redacts a model-written claim when any of its citations is erased', () => {
    const claim = {
      text: 'Two users want SSO before renewal',
      quote: 'Bob wants SSO',
      interview_id: bob,
      message_id: 'm2',
      citations: [
        { signal_id: 's2', quote: 'Bob wants SSO', interview_id: bob, message_id: 'm2' },
        { signal_id: 's1', quote: 'Ada needs SSO', interview_id: ada, message_id: 'm1' },
      ],
      facts: ['Renewal on 2027-01-01'],
    };
    const { value: out } = redactClaimsCiting({ items: [claim] }, erased);
    expect(out).toEqual({
      items: [
        {
          text: ERASED_CLAIM,
          quote: '',
          interview_id: bob,
          message_id: 'm2',
          citations: [
            { signal_id: 's2', quote: '', interview_id: bob, message_id: 'm2' },
            { signal_id: 's1', quote: '', interview_id: ada, message_id: 'm1' },
          ],
          facts: [ERASED_CLAIM],
          erased: true,
        },
      ],
    });
  });

  it("redacts a weekly briefing's entries whose evidence is erased, keeping the account and figures", () => {
    const priority = {
      account: 'Initech',
      account_id: 'acc1',
      arr: 120000,
      why: ['Churn risk: exports are slow', 'Renewal in 30 days'],
      evidence: { quote: 'We might leave', interview_id: ada, message_id: 'm1' },
    };
    const other = { ...priority, account: 'Globex', evidence: { quote: 'Fine', interview_id: bob, message_id: 'm2' } };
    const { value: out } = redactClaimsCiting({ priorities: [priority, other], time_blocks: [] }, erased);
    expect(out).toEqual({
      priorities: [
        {
          account: 'Initech',
          account_id: 'acc1',
          arr: 120000,
          why: [ERASED_CLAIM, ERASED_CLAIM],
          evidence: { quote: '', interview_id: ada, message_id: 'm1' },
          erased: true,
        },
        other,
      ],
      time_blocks: [],
    });
  });

  it('answers the same object, unchanged, when nothing cites an erased interview', () => {
    const content = { sections: [{ heading: 'Value', items: [{ text: 'x', quote: 'y', interview_id: bob }] }] };
    const result = redactClaimsCiting(content, erased);
    expect(result).toEqual({ value: content, changed: false });
    expect(result.value).toBe(content);
  });
});
