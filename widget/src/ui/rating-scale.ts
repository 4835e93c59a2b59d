import type { RatingPrompt } from '@candor/shared';
import type { Strings } from '../i18n';
import { h, uid } from './dom';

/**
 * A rating question's scale as a radio group: Tab reaches it once, the arrow keys (and Home,
 * End) move between scores, Enter or Space — or a tap — sends the score. The ends are
 * labelled ("0 – Not at all likely"), for sighted users in the legend and for screen
 * readers on the buttons themselves. Every button is at least 44 px square.
 */
export function createRatingScale(t: Strings, prompt: RatingPrompt, onPick: (score: number) => void) {
  const low = t[`rating_${prompt.scale}_low`];
  const high = t[`rating_${prompt.scale}_high`];
  const labelId = uid('rl');
  const scores = Array.from({ length: prompt.max - prompt.min + 1 }, (_, i) => prompt.min + i);
  let picked = false;
  const buttons = scores.map((score, i) =>
    h(
      'button',
      {
        type: 'button',
        role: 'radio',
        'aria-checked': 'false',
        'aria-label':
          score === prompt.min ? `${score} – ${low}` : score === prompt.max ? `${score} – ${high}` : undefined,
        tabindex: i === 0 ? '0' : '-1',
        // Enter and Space click a button natively, so one handler serves keys, mouse and touch.
        onclick: () => pick(i),
      },
      String(score),
    ),
  );
  const move = (to: number) => {
    const i = Math.max(0, Math.min(buttons.length - 1, to));
    buttons.forEach((b, j) => {
      b.tabIndex = j === i ? 0 : -1;
      b.setAttribute('aria-checked', String(j === i));
    });
    buttons[i]!.focus();
  };
  const pick = (i: number) => {
    if (picked) return;
    picked = true;
    move(i);
    for (const b of buttons) b.setAttribute('aria-disabled', 'true');
    onPick(scores[i]!);
  };
  const group = h(
    'div',
    {
      role: 'radiogroup',
      'aria-labelledby': labelId,
      class: `rs s${scores.length}`,
      onkeydown: (e) => {
        const k = (e as KeyboardEvent).key;
        const at = buttons.indexOf(e.target as HTMLButtonElement);
        const to =
          k === 'ArrowRight' || k === 'ArrowDown'
            ? (at + 1) % buttons.length
            : k === 'ArrowLeft' || k === 'ArrowUp'
              ? (at - 1 + buttons.length) % buttons.length
              : k === 'Home'
                ? 0
                : k === 'End'
                  ? buttons.length - 1
                  : null;
        if (to === null || picked) return;
        e.preventDefault();
        move(to);
      },
    },
    ...buttons,
  );
  const element = h(
    'div',
    { class: 'rt' },
    h('div', { id: labelId, class: 'sr' }, t.rating_group),
    group,
    h(
      'div',
      { class: 're', 'aria-hidden': 'true' },
      h('span', {}, `${prompt.min} – ${low}`),
      h('span', {}, `${prompt.max} – ${high}`),
    ),
    h('p', { class: 'rh' }, t.rating_hint),
  );
  return { element, focus: () => buttons.find((b) => b.tabIndex === 0)?.focus() };
}
