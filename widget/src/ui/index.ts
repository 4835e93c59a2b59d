import {
  declineInterview,
  getInterview,
  HttpError,
  isRetryable,
  recordMessageOutcome,
  sendMessage,
  startInterview,
} from '../client';
import { pickLanguage } from '../i18n';
import type { Host, InterviewView, Invitation, Message, Pending, PlayMessage, Saved, Ui } from '../types';
import { type ChatView, createChatView, MAX_ANSWER_CHARS } from './chat-view';
import { h } from './dom';
import { renderInviteCard } from './invite-card';
import { renderMessageCard } from './message-card';
import { isSnoozed, readSaved, snooze, writeSaved } from './saved';
import { applyCss, buildCss } from './styles';

const ENDED = ['completed', 'declined', 'expired', 'abandoned'];
const MAX_ATTEMPTS = 12;

const newClientId = () => {
  try {
    return crypto.randomUUID();
  } catch {
    return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  }
};

/**
 * Mounts the widget UI in a shadow root and returns the surface the loader drives.
 * Every entry point swallows errors: a broken widget must never break the host page.
 */
export function mount(host: Host): Ui {
  // The page's (or browser's) language until the server names the interview's, which then wins.
  let { lang, strings: t } = pickLanguage(host.locale, host.strings);
  const page = !!host.page;
  const el = document.createElement('candor-widget');
  const shadow = el.attachShadow({ mode: 'open' });
  applyCss(shadow, buildCss(host.theme), host.nonce);
  const mode = host.theme?.mode === 'dark' ? ' dk' : host.theme?.mode === 'light' ? ' lt' : '';
  const root = h('div', {
    class: `r${mode}${page ? ' pg' : ''}${host.theme?.position === 'left' ? ' left' : ''}`,
    lang,
  });
  shadow.append(root);
  const speak = (language: string | undefined) => {
    if (!language || language === lang) return;
    ({ lang, strings: t } = pickLanguage(language, host.strings));
    root.setAttribute('lang', lang);
  };

  let view: 'idle' | 'invite' | 'chat' | 'pill' | 'message' = 'idle';
  let current: string | undefined;
  let chat: ChatView | undefined;
  let saved: Saved | null = null;
  let returnFocus: Element | null = null;
  let destroyed = false;
  let busy = false;
  let loading = false;
  /** The interviewer message the customer is answering, to offer its scale again if an answer is refused. */
  let asking: Message | undefined;

  // The host element joins the page only once there is something to show.
  const show = (node?: Node) => {
    if (node && !el.isConnected) (document.body || document.documentElement).append(el);
    return node ? root.replaceChildren(node) : root.replaceChildren();
  };
  const save = (patch: Partial<Saved> | null) => {
    saved = patch && current ? { ...(saved?.id === current ? saved : { id: current, view: 'open' }), ...patch } : null;
    writeSaved(host.store, saved);
  };
  const restoreFocus = () => {
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected && returnFocus !== el) returnFocus.focus();
    returnFocus = null;
  };
  const rememberFocus = () => {
    if (!returnFocus && document.activeElement !== el) returnFocus = document.activeElement;
  };

  function showChat(focus: boolean) {
    if (!chat) return;
    view = 'chat';
    show(chat.panel);
    save({ view: 'open' });
    if (focus) chat.input.isConnected ? chat.input.focus() : chat.heading.focus();
  }

  function minimize(focus = true) {
    view = 'pill';
    const pill = h('button', { type: 'button', class: 'pill', onclick: () => showChat(true) }, t.reopen);
    show(pill);
    save({ view: 'min' });
    if (focus) pill.focus();
  }

  function close() {
    view = 'idle';
    show();
    if (saved) save({ view: 'closed' });
    restoreFocus();
  }

  function finish(status: string, interview: string, announce: boolean) {
    if (!chat) return;
    const completed = status === 'completed';
    const heading = chat.finish(
      completed ? t.thanks : t.ended,
      completed ? t.thanks_body : '',
      page ? undefined : close,
    );
    if (announce) {
      heading.focus();
      host.emit(completed ? 'completed' : 'declined', { interview_id: interview, status });
    }
    save(null);
  }

  function renderMessages(v: InterviewView) {
    speak(v.language);
    chat = createChatView(t, lang, page, { send: (text) => send(text), minimize: () => minimize(), close });
    for (const m of v.messages) chat.add(m.role, m.text);
  }

  /** Offers the scale when the interviewer's latest message asks for a score; any answer removes it. */
  function offerRating(message: Message | undefined, focus: boolean) {
    asking = message;
    chat?.askRating(
      message?.role === 'interviewer' ? (message.rating ?? null) : null,
      (score) => send(String(score), score),
      focus,
    );
  }

  /**
   * Loads an interview and shows it open or minimized. An invited one is started only with
   * `start`; otherwise (the hosted page, which mail scanners open and run) it is offered
   * with a Start button, so nothing changes until the person acts.
   */
  async function load(id: string, as: 'open' | 'min', byUser: boolean, start = !page) {
    current = id;
    saved = readSaved(host.store);
    let v: InterviewView;
    loading = true;
    try {
      v = await getInterview(host, id);
      if (v.status === 'invited' && !start) return offerStart(id);
      if (v.status === 'invited') v = await startInterview(host, id);
    } catch (err) {
      // A gone or foreign interview is forgotten; an unreachable API stays silent.
      if (!isRetryable(err) && saved?.id === id) save(null);
      if (byUser && page) show(h('section', { class: 'p' }, h('div', { class: 'thx' }, h('h2', {}, t.failed))));
      return;
    } finally {
      loading = false;
    }
    if (destroyed || current !== id) return;
    const ended = ENDED.includes(v.status);
    if (ended && !byUser) {
      save(null);
      return;
    }
    renderMessages(v);
    if (as === 'min') minimize(false);
    else showChat(byUser);
    if (ended) return finish(v.status, id, false);
    const pending = saved?.id === id ? saved.pending : undefined;
    const last = v.messages[v.messages.length - 1];
    if (!pending) offerRating(last, false);
    if (
      pending &&
      !(last?.role === 'customer' && last.text === pending.text) &&
      !v.messages.some((m) => m.client_id === pending.client_id)
    ) {
      const bubble = chat?.add('customer', pending.text).bubble;
      void deliver(id, pending, bubble);
    } else if (pending) {
      save({ pending: undefined });
      // The answer was stored but its reply may not have been: ask again, idempotently.
      if (last?.role === 'customer') void deliver(id, pending);
    }
  }

  /** The hosted page's invitation: the card with Start only; declining is for the email's unsubscribe link. */
  function offerStart(id: string) {
    if (destroyed || current !== id) return;
    view = 'invite';
    show(
      renderInviteCard(
        t,
        { interview_id: id, moment: host.moment },
        { start: () => void load(id, 'open', true, true) },
      ),
    );
  }

  function send(text: string, rating?: number) {
    if (!current || busy || !chat) return;
    const pending: Pending = { client_id: newClientId(), text, ...(rating === undefined ? {} : { rating }) };
    chat.askRating(null);
    const bubble = chat.add('customer', text).bubble;
    save({ pending });
    void deliver(current, pending, bubble);
  }

  /** Sends one answer and streams the reply; retries with the same client_id until it lands. */
  async function deliver(id: string, pending: Pending, customerBubble?: Element) {
    const view = chat;
    if (!view) return;
    busy = true;
    view.waiting(true);
    for (let attempt = 1; !destroyed; attempt++) {
      let bubble: ReturnType<ChatView['add']> | undefined;
      let streamed = '';
      try {
        const reply = await sendMessage(host, id, pending, (delta) => {
          streamed = delta === null ? '' : streamed + delta;
          // The bubble appears with its first word and goes back to the dots on a reset: never empty.
          if (!streamed.trim()) {
            if (bubble) {
              bubble.bubble.remove();
              bubble = undefined;
              view.streaming(false);
              view.waiting(true);
            }
            return;
          }
          if (!bubble) {
            view.waiting(false);
            view.streaming(true);
            bubble = view.add('interviewer', '');
          }
          bubble.set(streamed);
        });
        view.note('');
        if (reply.message?.text) (bubble ?? view.add('interviewer', '')).set(reply.message.text);
        else bubble?.bubble.remove();
        view.streaming(false);
        busy = false;
        view.waiting(false);
        if (current === id) save({ pending: undefined });
        if (reply.status && ENDED.includes(reply.status)) finish(reply.status, id, true);
        else offerRating(reply.message, !!reply.message?.rating && pending.rating !== undefined);
        return;
      } catch (err) {
        // A half-streamed reply is dropped; the retry brings the stored one whole.
        bubble?.bubble.remove();
        view.streaming(false);
        if (err instanceof HttpError && err.status === 409) {
          // The interview closed meanwhile (finished in another tab or from the emailed link).
          save({ pending: undefined });
          const latest = await getInterview(host, id).catch(() => null);
          finish(latest?.status ?? 'expired', id, false);
          break;
        }
        if (err instanceof HttpError && (err.status === 400 || err.status === 413 || err.status === 422)) {
          // Refused as written (too long, say): the text goes back to the composer with the reason.
          customerBubble?.remove();
          save({ pending: undefined });
          view.note(
            err.status === 400 && pending.text.length > MAX_ANSWER_CHARS
              ? view.tooLong
              : t.refused.replace('{reason}', err.reason),
          );
          busy = false;
          view.waiting(false);
          view.restore(pending.text);
          offerRating(asking, false);
          return;
        }
        if (!isRetryable(err) || attempt >= MAX_ATTEMPTS) {
          view.note(t.failed);
          break;
        }
        view.note(t.retrying);
        await waitForRetry(attempt);
      }
    }
    busy = false;
    view.waiting(false);
  }

  const waitForRetry = (attempt: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        removeEventListener('online', done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(500 * 2 ** attempt, 15_000));
      addEventListener('online', done);
    });

  const guard =
    <A extends unknown[]>(fn: (...a: A) => unknown) =>
    (...a: A) => {
      try {
        const r = fn(...a);
        if (r instanceof Promise) r.catch(() => {});
      } catch {}
    };

  return {
    invite: guard((inv: Invitation) => {
      const id = inv.interview_id || inv.id;
      // A newer invitation replaces a card still on screen; a conversation in progress is never interrupted.
      const replaceable = view === 'idle' || (view === 'invite' && current !== id);
      if (!id || !replaceable || loading || destroyed || isSnoozed(id) || readSaved(host.store)?.id === id) return;
      current = id;
      view = 'invite';
      speak(inv.language);
      rememberFocus();
      const dismiss = (reason: 'not_now' | 'dont_ask_again') => {
        view = 'idle';
        show();
        restoreFocus();
        host.emit('declined', { interview_id: id, reason });
      };
      show(
        renderInviteCard(t, inv, {
          start: () => {
            save({ view: 'open' });
            void load(id, 'open', true);
          },
          later: () => {
            snooze(id);
            declineInterview(host, id, false).catch(() => {});
            dismiss('not_now');
          },
          never: () => {
            snooze(id);
            declineInterview(host, id, true).catch(() => {});
            dismiss('dont_ask_again');
          },
        }),
      );
      host.emit('shown', { interview_id: id, moment: inv.moment });
    }),
    message: guard((m: PlayMessage) => {
      // An invitation or a conversation on screen comes first; the message was already claimed
      // as shown, so it is not offered again — interrupting an interview would cost more.
      if (!m?.id || view !== 'idle' || loading || destroyed) return;
      view = 'message';
      rememberFocus();
      const close = (outcome: 'dismiss' | 'click') => {
        recordMessageOutcome(host, m.id, outcome).catch(() => {});
        if (view !== 'message') return;
        view = 'idle';
        show();
        if (outcome === 'dismiss') restoreFocus();
      };
      show(renderMessageCard(t, m, { dismiss: () => close('dismiss'), follow: () => close('click') }));
    }),
    open: guard((id?: string) => {
      rememberFocus();
      const target = id || readSaved(host.store)?.id || current;
      if (!target) return;
      if (chat && current === target && view !== 'idle') return showChat(true);
      return load(target, 'open', true);
    }),
    resume() {
      try {
        const s = readSaved(host.store);
        if (!s || view !== 'idle') return false;
        // An interview closed mid-way comes back as the "Continue the interview" pill, never lost.
        load(s.id, s.view === 'open' ? 'open' : 'min', false).catch(() => {});
        return true;
      } catch {
        return false;
      }
    },
    destroy: guard(() => {
      destroyed = true;
      el.remove();
    }),
  };
}
