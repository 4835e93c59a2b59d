import { de } from './de';
import { en, type Strings } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { pt } from './pt';

export type { Strings };

const languages: Record<string, Strings> = { en, de, fr, es, pt, ja };

/** UI strings for `locale` (or the browser's languages), with the host's overrides on top. */
export function pickLanguage(
  locale: string | undefined,
  overrides?: Record<string, string>,
): { lang: string; strings: Strings } {
  let lang = 'en';
  try {
    const tags = locale ? [locale] : [...(navigator.languages || []), navigator.language];
    lang = tags.map((t) => String(t).slice(0, 2).toLowerCase()).find((t) => t in languages) || 'en';
  } catch {}
  const strings = { ...languages[lang]! };
  for (const [k, v] of Object.entries(overrides || {})) {
    if (k in strings && typeof v === 'string') strings[k as keyof Strings] = v;
  }
  return { lang, strings };
}
