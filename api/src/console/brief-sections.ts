/** A brief rendered as headed lists; each item may cite a quote and the message it came from. */
export type BriefSection = {
  heading: string;
  items: {
    text: string;
    quote: string | null;
    interview_id: string | null;
    message_id: string | null;
    /** The account the item is about (weekly briefing): its text starts with the account's name. */
    account_id?: string;
    account?: string;
    /** The person the claim rested on was erased (see retention/cited-words.ts). */
    erased?: true;
  }[];
};

/**
 * Reads a stored brief's content into sections without depending on every field of its
 * shape: `{ sections: [{ heading|title, items }] }`, or an object whose keys are sections
 * holding strings or `{ text|claim|point, quote?, interview_id?, message_id? }` items.
 */
export function readBriefSections(content: unknown): BriefSection[] {
  if (!content || typeof content !== 'object') return [];
  const c = content as Record<string, unknown>;
  if (Array.isArray(c.sections)) {
    return c.sections.flatMap((s) => {
      if (!s || typeof s !== 'object') return [];
      const o = s as Record<string, unknown>;
      const heading = String(o.heading ?? o.title ?? 'Notes');
      return [{ heading, items: readItems(o.items ?? o.points ?? o.content) }];
    });
  }
  return Object.entries(c)
    .filter(([k]) => !['version', 'generated_at', 'mode', 'model', 'account_id', 'member_id'].includes(k))
    .map(([k, v]) => ({ heading: titleCase(k), items: readItems(v) }))
    .filter((s) => s.items.length > 0);
}

function readItems(raw: unknown): BriefSection['items'] {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.flatMap((item) => {
    if (typeof item === 'string') return [{ text: item, quote: null, interview_id: null, message_id: null }];
    if (!item || typeof item !== 'object') return [];
    const o = item as Record<string, unknown>;
    const citation = (Array.isArray(o.citations) ? o.citations[0] : (o.citation ?? o.evidence)) as
      | Record<string, unknown>
      | undefined;
    const pick = (...xs: unknown[]) => (xs.find((x) => typeof x === 'string') as string | undefined) ?? null;
    const text = pick(o.text, o.claim, o.point, o.summary, o.reason, o.name, o.title);
    if (!text) return [];
    return [
      {
        text,
        quote: pick(o.quote, citation?.quote),
        interview_id: pick(o.interview_id, citation?.interview_id),
        message_id: pick(o.message_id, citation?.message_id),
        ...(typeof o.account_id === 'string' && typeof o.account === 'string'
          ? { account_id: o.account_id, account: o.account }
          : {}),
        ...(o.erased === true ? { erased: true as const } : {}),
      },
    ];
  });
}

const titleCase = (key: string) => {
  const s = key.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
};
