import { describe, expect, it } from 'vitest';
import { ActionTagReader } from './action-tag';

const read = (pieces: string[]) => {
  const reader = new ActionTagReader();
  let text = '';
  for (const p of pieces) text += reader.push(p);
  text += reader.finish();
  return { tag: reader.tag, text };
};

describe('ActionTagReader', () => {
  it('strips a leading tag, even split across deltas', () => {
    expect(read(['[pro', 'be] ', 'Could you ', 'say more?'])).toEqual({ tag: 'probe', text: 'Could you say more?' });
    expect(read(['  [Next]Thanks. What else?'])).toEqual({ tag: 'next', text: 'Thanks. What else?' });
  });

  it('passes an untagged reply through whole', () => {
    expect(read(['Thanks. ', 'What else?'])).toEqual({ tag: null, text: 'Thanks. What else?' });
    expect(read(['[see the docs for more', ' detail] What else?'])).toEqual({
      tag: null,
      text: '[see the docs for more detail] What else?',
    });
  });

  it('holds nothing back once the tag is known', () => {
    const reader = new ActionTagReader();
    expect(reader.push('[next] Thanks')).toBe('Thanks');
    expect(reader.tag).toBe('next');
    expect(reader.push(', what')).toBe(', what');
  });
});
