import { describe, expect, it } from 'vitest';
import { releaseMatchesRequest } from './releases';

describe('releaseMatchesRequest', () => {
  const sso = { title: 'SAML single sign-on', features: ['sso', 'okta'] };
  it('matches a request sharing a meaningful word with the tags or title', () => {
    expect(releaseMatchesRequest(sso, 'We really need SSO')).toBe(true);
    expect(releaseMatchesRequest(sso, 'Okta integration please')).toBe(true);
  });
  it('ignores filler words', () => {
    expect(releaseMatchesRequest(sso, 'better support for the new exports')).toBe(false);
  });
});
