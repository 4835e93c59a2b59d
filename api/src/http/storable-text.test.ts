import { describe, expect, it } from 'vitest';
import { findUnstorableJson, MAX_JSON_DEPTH } from './storable-text';

describe('findUnstorableJson', () => {
  it('names the first string holding a NUL byte or a lone surrogate by its path', () => {
    expect(findUnstorableJson({ contacts: [{ name: 'ok' }, { name: 'a\u0000b' }] })).toEqual({
      code: 'invalid_text',
      message: 'contacts[1].name contains a NUL byte',
    });
    expect(findUnstorableJson({ traits: { 'first name': 'x\udc00' } })).toEqual({
      code: 'invalid_text',
      message: 'traits["first name"] contains a lone surrogate (malformed Unicode)',
    });
    expect(findUnstorableJson({ properties: { 'bad\u0000key': 1 } })?.message).toBe(
      'a key in properties contains a NUL byte',
    );
    expect(findUnstorableJson('\u0000')?.message).toBe('body contains a NUL byte');
  });

  it('accepts emoji, other scripts and paired surrogates', () => {
    expect(findUnstorableJson({ text: 'Très bien 👍 分かりました', n: 3, ok: true, none: null })).toBeNull();
  });

  it(`allows ${MAX_JSON_DEPTH} levels of nesting and refuses one more`, () => {
    const nest = (levels: number) => {
      let v: unknown = 1;
      for (let i = 0; i < levels; i++) v = [v];
      return v;
    };
    expect(findUnstorableJson(nest(MAX_JSON_DEPTH))).toBeNull();
    expect(findUnstorableJson(nest(MAX_JSON_DEPTH + 1))).toMatchObject({ code: 'json_too_deep' });
  });
});
