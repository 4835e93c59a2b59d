/** How a topic is answered: in the customer's words, or with a score on one of the rating scales. */
export const topicAnswers = [
  { value: 'open', label: 'Open question' },
  { value: 'nps', label: 'Score: NPS (0–10, likely to recommend)' },
  { value: 'csat', label: 'Score: CSAT (1–5, satisfied)' },
  { value: 'ces', label: 'Score: CES (1–7, easy)' },
] as const;
export type TopicAnswer = (typeof topicAnswers)[number]['value'];

/** The editable guide body as the console holds it; keyword lists are edited as comma-separated text. */
export type TopicDraft = {
  key: string;
  answer: TopicAnswer;
  question: string;
  probing: string;
  follow_up: string;
  required: boolean;
};
type StoredTopic = Omit<Partial<TopicDraft>, 'answer'> & { kind?: string; scale?: string };
export type TaxonomyDraft = { key: string; label: string; keywords: string };
export type GuideDraft = {
  name: string;
  objective: string;
  opening_message: string;
  closing_message: string;
  topics: TopicDraft[];
  max_turns: string;
  max_minutes: string;
  churn_reasons: TaxonomyDraft[];
  expansion_kinds: TaxonomyDraft[];
};

type Entry = { key?: string; label?: string; keywords?: string[] };
type Body = {
  name?: string;
  objective?: string;
  opening_message?: string;
  closing_message?: string;
  topics?: StoredTopic[];
  limits?: { max_turns?: number; max_minutes?: number };
  taxonomy?: { churn_reasons?: Entry[]; expansion_kinds?: Entry[] };
};

const toEntryDraft = (e: Entry): TaxonomyDraft => ({
  key: e.key ?? '',
  label: e.label ?? '',
  keywords: (e.keywords ?? []).join(', '),
});
const fromEntryDraft = (e: TaxonomyDraft) => ({
  key: e.key,
  label: e.label,
  keywords: e.keywords
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean),
});

/** A stored guide body → the form's draft. */
export function toDraft(definition: Record<string, unknown>): GuideDraft {
  const b = definition as Body;
  return {
    name: b.name ?? '',
    objective: b.objective ?? '',
    opening_message: b.opening_message ?? '',
    closing_message: b.closing_message ?? '',
    topics: (b.topics ?? []).map((t) => ({
      key: t.key ?? '',
      answer: t.kind === 'rating' ? (topicAnswers.find((a) => a.value === t.scale)?.value ?? 'open') : 'open',
      question: t.question ?? '',
      probing: t.probing ?? '',
      follow_up: t.follow_up ?? '',
      required: t.required ?? false,
    })),
    max_turns: String(b.limits?.max_turns ?? ''),
    max_minutes: String(b.limits?.max_minutes ?? ''),
    churn_reasons: (b.taxonomy?.churn_reasons ?? []).map(toEntryDraft),
    expansion_kinds: (b.taxonomy?.expansion_kinds ?? []).map(toEntryDraft),
  };
}

/** The draft → the partial body the API validates (numbers stay NaN-free so the server names the field). */
export function toPatch(d: GuideDraft) {
  const num = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? s : Number(s));
  return {
    name: d.name,
    objective: d.objective,
    opening_message: d.opening_message,
    closing_message: d.closing_message,
    // A rating topic is `kind: 'rating'` with its scale; an open one leaves both out (the default).
    topics: d.topics.map(({ answer, ...t }) => (answer === 'open' ? t : { ...t, kind: 'rating', scale: answer })),
    limits: { max_turns: num(d.max_turns), max_minutes: num(d.max_minutes) },
    taxonomy: {
      churn_reasons: d.churn_reasons.map(fromEntryDraft),
      expansion_kinds: d.expansion_kinds.map(fromEntryDraft),
    },
  };
}

/** A key for a new topic that no other topic uses. */
export function freshTopicKey(topics: TopicDraft[]): string {
  let n = topics.length + 1;
  while (topics.some((t) => t.key === `topic_${n}`)) n++;
  return `topic_${n}`;
}
