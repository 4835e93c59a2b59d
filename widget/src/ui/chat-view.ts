import type { Strings } from '../i18n';
import type { Role } from '../types';
import { h, uid } from './dom';

type Actions = { send(text: string): void; minimize(): void; close(): void };

/** The chat panel's DOM: header, message log, typing indicator, status note and composer. */
export function createChatView(t: Strings, page: boolean, actions: Actions) {
  const titleId = uid('h');
  const inputId = uid('i');
  const keysId = uid('k');
  const typing = h('div', { class: 'ty', hidden: true, 'aria-hidden': 'true' }, h('i'), h('i'), h('i'));
  const log = h(
    'div',
    { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.log, tabindex: '0' },
    typing,
  );
  const note = h('p', { class: 'note', role: 'status' });
  const live = h('div', { class: 'sr', role: 'status' });
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
  const grow = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
  };
  const submit = () => {
    const text = input.value.trim();
    if (!text || input.getAttribute('aria-busy') === 'true') return;
    input.value = '';
    grow();
    actions.send(text);
  };
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
    h('button', { type: 'submit', class: 'pri' }, t.send),
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
    /** While waiting: the dots, a screen-reader status, and the composer refuses a second send. */
    waiting(on: boolean) {
      typing.hidden = !on;
      live.textContent = on ? t.typing : '';
      input.setAttribute('aria-busy', String(on));
      scroll();
    },
    /** Holds screen-reader announcements while a reply streams in, so it is read once, whole. */
    streaming(on: boolean) {
      if (on) log.setAttribute('aria-busy', 'true');
      else log.removeAttribute('aria-busy');
    },
    note(text: string) {
      note.textContent = text;
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
      form.replaceWith(done);
      typing.hidden = true;
      scroll();
      return done.querySelector('h2')!;
    },
  };
}

export type ChatView = ReturnType<typeof createChatView>;
