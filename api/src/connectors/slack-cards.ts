/** Block Kit cards for Candor's alerts. Customer words are escaped so they can never mention or link. */

export type CardAccount = {
  id: string;
  name: string;
  arr_cents: string | number | null;
  renewal_date: string | null;
  owner_email: string | null;
  ae_email: string | null;
};

export type Card = { text: string; blocks: Record<string, unknown>[] };

/** Slack's three control characters; escaping them keeps `<!channel>` or `<url|label>` inert. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function money(cents: string | number | null): string {
  if (cents === null) return '—';
  return `$${Math.round(Number(cents) / 100).toLocaleString('en-US')}`;
}

/** An alert about an account: a headline, the customer's quote when there is one, the facts and links. */
export function accountCard(
  publicUrl: string,
  input: {
    headline: string;
    account: CardAccount;
    quote?: string | null;
    detail?: string | null;
    interviewId?: string | null;
  },
): Card {
  const { account } = input;
  const links = [
    { text: 'Open account', url: `${publicUrl}/accounts/${account.id}` },
    ...(input.interviewId ? [{ text: 'Read the interview', url: `${publicUrl}/interviews/${input.interviewId}` }] : []),
  ];
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: `${input.headline}: ${account.name}`.slice(0, 150) } },
  ];
  if (input.quote)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `> ${escapeSlack(input.quote).replace(/\n/g, '\n> ')}` },
    });
  if (input.detail) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(input.detail) }] });
  blocks.push({
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: `*Account*\n${escapeSlack(account.name)}` },
      { type: 'mrkdwn', text: `*ARR*\n${money(account.arr_cents)}` },
      { type: 'mrkdwn', text: `*Renewal*\n${account.renewal_date ?? '—'}` },
      { type: 'mrkdwn', text: `*Owner*\n${escapeSlack(account.owner_email ?? '—')}` },
    ],
  });
  blocks.push({
    type: 'actions',
    elements: links.map((l, i) => ({
      type: 'button',
      text: { type: 'plain_text', text: l.text },
      url: l.url,
      ...(i === 0 ? { style: 'primary' } : {}),
    })),
  });
  const text = `${input.headline}: ${account.name}${input.quote ? ` — “${input.quote.slice(0, 200)}”` : ''}`;
  return { text: escapeSlack(text), blocks };
}

/** The weekly briefing's notice: a line and a link to read it in the console. */
export function briefingCard(publicUrl: string, input: { weekOf: string; summary: string }): Card {
  const url = `${publicUrl}/`;
  return {
    text: `Your Candor briefing for the week of ${input.weekOf}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `Your briefing, week of ${input.weekOf}` } },
      { type: 'section', text: { type: 'mrkdwn', text: escapeSlack(input.summary).slice(0, 2900) } },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the briefing' }, url, style: 'primary' }],
      },
    ],
  };
}
