/**
 * Links in stored mail that act as whoever holds them: a one-time sign-in link (/login?…),
 * an interview link (/i/…) and an unsubscribe link (/unsubscribe/…). Matched on any host,
 * so mail stored before CANDOR_PUBLIC_URL changed is covered too. The match stops at
 * whitespace, quotes and angle brackets: the ends of a URL in text, in an href and in <…>.
 */
const SECRET_LINK = /(https?:\/\/[^\s"'<>/]+)(\/login\?|\/i\/|\/unsubscribe\/)[^\s"'<>]+/gi;

/** What replaces the secret part of a link. */
export const REDACTED = '[redacted]';

/** The text with every secret link's token replaced, and how many were replaced. */
export function redactSecretLinks(text: string): { text: string; redacted: number } {
  let redacted = 0;
  const out = text.replace(SECRET_LINK, (_link, origin: string, route: string) => {
    redacted += 1;
    return `${origin}${route}${REDACTED}`;
  });
  return { text: out, redacted };
}
