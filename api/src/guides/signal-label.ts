import { standardTaxonomy } from './templates/taxonomy';

/** A short human label for a stored signal's value, per kind (shapes: shared/src/signal.ts). */
export function describeSignal(kind: string, value: unknown): string {
  const v = (value ?? {}) as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : null);
  switch (kind) {
    case 'sentiment':
      return text(v.polarity) ?? 'sentiment';
    case 'theme':
      return text(v.label) ?? 'theme';
    case 'churn_risk': {
      const reasons = Array.isArray(v.reasons) ? v.reasons.map((r) => taxonomyLabel(String(r))) : [];
      return [`${text(v.level) ?? 'unknown'} risk`, ...reasons].join(' · ');
    }
    case 'expansion_intent':
      return [taxonomyLabel(text(v.kind) ?? 'expansion'), text(v.size), text(v.timing)].filter(Boolean).join(' · ');
    case 'feature_request':
      return text(v.summary) ?? 'feature request';
    case 'competitor':
      return text(v.name) ?? 'competitor';
    case 'stakeholder':
      return (
        [text(v.name), text(v.role), v.champion_change ? 'champion change' : null].filter(Boolean).join(' · ') ||
        'stakeholder'
      );
    case 'wants_human':
      return text(v.reason) ?? 'asked to talk to a person';
    case 'rating':
      return typeof v.score === 'number' ? `${String(v.scale ?? '').toUpperCase()} ${v.score}`.trim() : 'rating';
    default:
      return humanizeKey(kind);
  }
}

/** `price_value` → `Price value`. */
export function humanizeKey(key: string): string {
  const s = key.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const taxonomyLabels = new Map(
  [...standardTaxonomy.churn_reasons, ...standardTaxonomy.expansion_kinds].map((e) => [e.key, e.label]),
);

/**
 * A churn reason's or expansion kind's label as the standard taxonomy writes it
 * (`price_value` → `Price / value`); a key of a custom taxonomy is humanized. Every report,
 * brief and console view names reasons through this, so they all read the same.
 */
export function taxonomyLabel(key: string): string {
  return taxonomyLabels.get(key) ?? humanizeKey(key);
}
