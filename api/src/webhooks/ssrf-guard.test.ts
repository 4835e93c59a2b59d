import { describe, expect, it } from 'vitest';
import { isPublicAddress, parseWebhookUrl, requireHttps, resolveWebhookTarget } from './ssrf-guard';

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.4.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'CGNAT'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd12:3456::1', 'IPv6 unique local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:a00:5', 'IPv4-mapped private, hex form'],
    ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
    ['64:ff9b::a00:1', 'NAT64 of a private address'],
    ['not-an-ip', 'not an address'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('resolveWebhookTarget', () => {
  it('refuses a literal private address with a message naming it', async () => {
    expect(await resolveWebhookTarget(new URL('https://[::ffff:10.0.0.5]/x'), false)).toEqual({
      refused: expect.stringMatching(/10\.0\.0\.5/),
    });
  });
  it('returns the checked addresses to pin the connection to', async () => {
    expect(await resolveWebhookTarget(new URL('https://8.8.8.8/x'), false)).toEqual({
      targets: [{ address: '8.8.8.8', family: 4 }],
    });
  });
  it('lets an operator allow private targets', async () => {
    expect(await resolveWebhookTarget(new URL('http://127.0.0.1:9/x'), true)).toEqual({
      targets: [{ address: '127.0.0.1', family: 4 }],
    });
  });
});

describe('URL rules', () => {
  it('takes only http(s) without credentials', () => {
    expect(() => parseWebhookUrl('ftp://example.com/x')).toThrow(/http/);
    expect(() => parseWebhookUrl('https://user:pw@example.com/x')).toThrow(/password/);
    expect(() => parseWebhookUrl('/relative')).toThrow(/absolute/);
    expect(parseWebhookUrl('https://example.com/x').hostname).toBe('example.com');
  });
  it('requires https unless private targets are allowed', () => {
    expect(() => requireHttps(new URL('http://example.com/x'), false)).toThrow(/https/);
    expect(() => requireHttps(new URL('http://127.0.0.1/x'), true)).not.toThrow();
  });
});
