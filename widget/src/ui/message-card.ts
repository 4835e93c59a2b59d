import type { Strings } from '../i18n';
import type { PlayMessage } from '../types';
import { h, uid } from './dom';

/** Only an absolute https link becomes an anchor; the server checked it, the page checks again. */
function safeLink(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}

type Actions = { dismiss(): void; follow(): void };

/**
 * A play's message: title, body and a resource link, dismissible. Every string is set as
 * text (never HTML), and the link opens in a new tab without access to this page.
 */
export function renderMessageCard(t: Strings, m: PlayMessage, actions: Actions): HTMLElement {
  const titleId = uid('m');
  const href = safeLink(m.link_url);
  return h(
    'section',
    { class: 'p', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'card' },
      h(
        'div',
        { class: 'mh' },
        h('h2', { id: titleId }, m.title),
        h(
          'button',
          { type: 'button', class: 'ic', 'aria-label': t.dismiss, title: t.dismiss, onclick: actions.dismiss },
          '×',
        ),
      ),
      h('p', { class: 'mb' }, m.body),
      href &&
        h(
          'div',
          { class: 'acts' },
          h(
            'a',
            { class: 'pri btn', href, target: '_blank', rel: 'noopener noreferrer', onclick: actions.follow },
            m.link_label || t.read_more,
          ),
        ),
    ),
  );
}
