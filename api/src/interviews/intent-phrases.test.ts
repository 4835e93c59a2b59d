import { describe, expect, it } from 'vitest';
import { stopRequest } from './intent-phrases';

describe('stopRequest', () => {
  it.each([
    'Stop.',
    'Please stop.',
    'Yes, please stop.',
    'Yes, stop.',
    'Stop now.',
    'Bitte aufhören.',
    'please stop asking me',
  ])('hears "%s" as a clear stop', (text) => {
    expect(stopRequest(text)).toBe('clear');
  });

  it.each(['I want to stop.', 'Can we stop here?', "Let's stop here.", "I'm done."])('confirms "%s" first', (text) => {
    expect(stopRequest(text)).toBe('unclear');
  });

  it.each([
    'Stop asking for the spreadsheet, that is what the regional managers want.',
    'We stopped using Excel last year.',
    "Let's stop using spreadsheets entirely.",
    'Call me crazy, but I like the old export.',
    'Para nosotros es importante la integración.',
  ])('does not take "%s" for a stop', (text) => {
    expect(stopRequest(text)).toBeNull();
  });
});
