import type { RatingPrompt } from '@candor/shared';
import type { Strings } from '../i18n';
import type { Role } from '../types';
import { h, uid } from './dom';
import { createRatingScale } from './rating-scale';

type Actions = { send(text: string): void; minimize(): void; close(): void };

/** After this long without a word, the dots gain a "still thinking…" line. */
export const THINKING_AFTER_MS = 4000;
/** The longest answer the server takes; the counter shows from COUNTER_FROM characters left. */
export const MAX_ANSWER_CHARS = 8000;
const COUNTER_FROM = 500;

/** The chat panel's DOM: header, message log, typing indicator, status note and composer. */
export function createChatView(t: Strings, lang: string, page: boolean, actions: Actions) {
  const tooLong = t.too_long.replace('{max}', MAX_ANSWER_CHARS.toLocaleString(lang));
  const titleId = uid('h');
  const inputId = uid('i');
  const keysId = uid('k');
  const thinking = h('span', { class: 'tt' });
  const typing = h('div', { class: 'ty', hidden: true, 'aria-hidden': 'true' }, h('i'), h('i'), h('i'), thinking);
  let thinkingTimer: ReturnType<typeof setTimeout> | undefined;
  const log = h(
    'div',
    { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.log, tabindex: '0' },
    typing,
  );
  const note = h('p', { class: 'note', role: 'status' });
  const live = h('div', { class: 'sr', role: 'status' });
  const counter = h('span', { class: 'cnt', 'aria-live': 'polite' });
  const input = h('textarea', {
    id: inputId,
    rows: '1',
    placeholder: t.placeholder,
    'aria-describedby': keysId,
    onkeydown: (e) => {
      const k = e as KeyboardEvent;
      // Enter sends; Shift+Enter is a new line; never send mid-composition (Japanese IME).
      if (k.key === 'Enter' && !k.shiftKey && !k.isComposing && k.keyCode !== 229) {
        e.preventDefault();
        submit();
      }
    },
    oninput: () => grow(),
  });
  // Grows the box with the text and, near the limit, counts the characters left (and how many too many).
  const grow = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
    const left = MAX_ANSWER_CHARS - input.value.length;
    counter.textContent =
      left < 0 ? t.over.replace('{n}', String(-left)) : left <= COUNTER_FROM ? t.left.replace('{n}', String(left)) : '';
    counter.classList.toggle('over', left < 0);
  };
  const submit = () => {
    const text = input.value.trim();
    if (!text || input.readOnly) return;
    input.value = '';
    grow();
    actions.send(text);
  };
  const sendButton = h('button', { type: 'submit', class: 'pri' }, t.send);
  const form = h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        submit();
      },
    },
    h('label', { for: inputId, class: 'sr' }, t.input),
    h('span', { id: keysId, class: 'sr' }, t.keys),
    input,
    counter,
    sendButton,
  );
  const iconButton = (label: string, glyph: string, onclick: () => void) =>
    h(
      'button',
      { type: 'button', class: 'ic', 'aria-label': label, title: label, onclick },
      h('span', { 'aria-hidden': 'true' }, glyph),
    );
  const heading = h('h2', { id: titleId, tabindex: '-1' }, t.heading);
  const inner = h(
    'div',
    { class: 'in' },
    h(
      'div',
      { class: 'hd' },
      h('div', {}, heading, h('div', { class: 'hint' }, t.hint)),
      !page && iconButton(t.minimize, '–', actions.minimize),
      !page && iconButton(t.close, '×', actions.close),
    ),
    log,
    note,
    live,
    form,
  );
  const panel = h(
    'section',
    {
      class: 'p',
      'aria-labelledby': titleId,
      onkeydown: (e) => {
        if ((e as KeyboardEvent).key === 'Escape' && !page) actions.minimize();
      },
    },
    inner,
  );
  const scroll = () => {
    log.scrollTop = log.scrollHeight;
  };
  let scale: ReturnType<typeof createRatingScale> | undefined;

  return {
    panel,
    input,
    heading,
    /** Appends a message bubble (text only, never HTML) and returns it for streaming updates. */
    add(role: Role, text: string) {
      const body = h('span', {}, text);
      const bubble = h(
        'div',
        { class: `m ${role === 'customer' ? 'c' : 'i'}` },
        h('span', { class: 'sr' }, `${role === 'customer' ? t.you : t.them}: `),
        body,
      );
      log.insertBefore(bubble, typing);
      scroll();
      return {
        bubble,
        set(value: string) {
          body.textContent = value;
          scroll();
        },
      };
    },
    /**
     * While a reply is pending: the dots (a bubble never shows empty), "still thinking…" once
     * it takes long, a screen-reader status, and the composer locked against a second send.
     */
    waiting(on: boolean) {
      clearTimeout(thinkingTimer);
      typing.hidden = !on;
      thinking.textContent = '';
      live.textContent = on ? t.typing : '';
      input.setAttribute('aria-busy', String(on));
      input.readOnly = on;
      sendButton.disabled = on;
      if (on)
        thinkingTimer = setTimeout(() => {
          thinking.textContent = t.thinking;
          live.textContent = t.thinking;
          scroll();
        }, THINKING_AFTER_MS);
      scroll();
    },
    tooLong,
    /** Puts refused text back in the composer so nothing the customer wrote is lost. */
    restore(text: string) {
      input.value = text;
      grow();
      scroll();
      if (input.isConnected) input.focus();
    },
    /** Holds screen-reader announcements while a reply streams in, so it is read once, whole. */
    streaming(on: boolean) {
      if (on) log.setAttribute('aria-busy', 'true');
      else log.removeAttribute('aria-busy');
    },
    note(text: string) {
      note.textContent = text;
    },
    /**
     * Shows the scale for a question that asks for a score, above the composer (which stays:
     * the customer may type instead), or with `null` removes it.
     */
    askRating(prompt: RatingPrompt | null, onPick?: (score: number) => void, focus = false) {
      scale?.element.remove();
      scale = undefined;
      if (!prompt || !onPick || !form.isConnected) return;
      scale = createRatingScale(t, prompt, onPick);
      form.before(scale.element);
      scroll();
      if (focus) scale.focus();
    },
    /** Replaces the composer with the thank-you (or "ended") block. */
    finish(title: string, body: string, onClose?: () => void) {
      const id = uid('d');
      const done = h(
        'div',
        { class: 'thx', role: 'group', 'aria-labelledby': id },
        h('h2', { id, tabindex: '-1' }, title),
        h('p', {}, body),
        onClose &&
          h('div', { class: 'acts' }, h('button', { type: 'button', class: 'pri', onclick: onClose }, t.close)),
      );
      scale?.element.remove();
      form.replaceWith(done);
      clearTimeout(thinkingTimer);
      typing.hidden = true;
      scroll();
      return done.querySelector('h2')!;
    },
  };
}

export type ChatView = ReturnType<typeof createChatView>;
