/**
 * Blanks every `quote` that cites one of the given interviews, anywhere in a JSON document
 * (a brief's sections, a webhook payload): an object whose `interview_id` is in the set has
 * the quotes in it and below it emptied. Everything else is kept as it was.
 */
export function blankQuotesCiting(
  value: unknown,
  interviewIds: ReadonlySet<string>,
): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (node: unknown, cited: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, cited));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    const here = cited || (typeof obj.interview_id === 'string' && interviewIds.has(obj.interview_id));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(obj)) {
      if (here && key === 'quote' && typeof v === 'string' && v !== '') {
        out[key] = '';
        changed = true;
      } else out[key] = walk(v, here);
    }
    return out;
  };
  const result = walk(value, false);
  return { value: changed ? result : value, changed };
}
