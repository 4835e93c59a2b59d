import type { Strings } from '../i18n';
import type { Invitation } from '../types';
import { h, uid } from './dom';

/** Without `later`/`never` (the hosted page) the card offers Start only. */
type Actions = { start(): void; later?: () => void; never?: () => void };

/** The invitation card: moment-specific copy, the time hint, Start / Not now / Don't ask again. */
export function renderInviteCard(t: Strings, inv: Invitation, actions: Actions): HTMLElement {
  const titleId = uid('t');
  const key = `title_${inv.moment}` as keyof Strings;
  const title = key in t ? t[key] : t.title;
  return h(
    'section',
    { class: 'p', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'card' },
      h('h2', { id: titleId }, title),
      h('p', {}, t.body),
      h('div', { class: 'hint' }, h('span', { 'aria-hidden': 'true' }, '◷'), t.hint),
      h(
        'div',
        { class: 'acts' },
        h('button', { type: 'button', class: 'pri', onclick: actions.start }, t.start),
        actions.later && h('button', { type: 'button', onclick: actions.later }, t.later),
        actions.never && h('button', { type: 'button', class: 'lnk', onclick: actions.never }, t.never),
      ),
    ),
  );
}
