/** Text helpers for rules extraction: keyword patterns and the verbatim sentence around a match. */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A case-insensitive pattern for a taxonomy keyword: whole words only, a trailing `*`
 * matches any word ending, and a straight apostrophe also matches a typographic one
 * (customers type "doesn’t" as often as "doesn't").
 */
export function keywordPattern(keyword: string): RegExp {
  let pattern = compiled.get(keyword);
  if (!pattern) {
    pattern = compileKeyword(keyword);
    // Taxonomies are small and edited rarely; the cap only guards against unbounded growth.
    if (compiled.size > 5000) compiled.clear();
    compiled.set(keyword, pattern);
  }
  return pattern;
}

const compiled = new Map<string, RegExp>();

function compileKeyword(keyword: string): RegExp {
  const k = keyword.trim().toLowerCase();
  const stem = k.endsWith('*');
  const body = escapeRegExp(stem ? k.slice(0, -1) : k)
    .replace(/'/g, "['’]")
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${stem ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`, 'iu');
}

/** The first match of any keyword in the text, with its position. */
export function findKeyword(text: string, keywords: readonly string[]): { keyword: string; index: number } | undefined {
  let best: { keyword: string; index: number } | undefined;
  for (const keyword of keywords) {
    const m = keywordPattern(keyword).exec(text);
    if (m && (!best || m.index < best.index)) best = { keyword, index: m.index };
  }
  return best;
}

/**
 * The sentence containing position `index`, cut from the text itself so that it is
 * always a verbatim substring (trimmed of surrounding whitespace only).
 */
export function sentenceAt(text: string, index: number): string {
  let start = 0;
  for (let i = index - 1; i >= 0; i--) {
    const ch = text[i] ?? '';
    if (ch === '\n' || (/[.!?]/.test(ch) && /\s/.test(text[i + 1] ?? ''))) {
      start = i + 1;
      break;
    }
  }
  let end = text.length;
  for (let i = index; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\n') {
      end = i;
      break;
    }
    if (/[.!?]/.test(ch) && (i + 1 === text.length || /\s/.test(text[i + 1] ?? ''))) {
      end = i + 1;
      break;
    }
  }
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const quote = raw.trim();
  // Long run-on sentences are cut to a window around the match, still verbatim.
  if (quote.length <= 400) return quote;
  const at = Math.max(0, index - start - lead - 150);
  return quote.slice(at, at + 400).trim();
}
