import { describe, expect, it } from 'vitest';
import { blankQuotesCiting } from './blank-quotes';

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
