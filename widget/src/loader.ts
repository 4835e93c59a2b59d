import type { Host, HostEvent, InitOptions, Invitation, PlayMessage, Ui } from './types';

/** The UI bundle's path relative to widget.js, content-hashed; set by build.ts. */
declare const __CANDOR_UI__: string;

// biome-ignore lint/suspicious/noExplicitAny: the host's Candor(...) arguments are untyped by nature
type Args = any[];
type CandorFn = ((...args: Args) => void) & { q?: ArrayLike<unknown>[]; l?: 1 };

/**
 * widget.js: replaces the snippet's queueing `Candor` with the real one, replays the queue,
 * identifies the contact and fetches the chat UI only when there is something to show.
 * Everything is wrapped so that nothing ever throws into the host page.
 */
(() => {
  try {
    const w = window as unknown as { Candor?: CandorFn };
    if (w.Candor?.l) return;
    const d = document;
    const script = (d.currentScript || d.querySelector('script[src$="/widget.js"]')) as HTMLScriptElement | null;
    const src = script?.src || location.href;
    const queue = w.Candor?.q || [];
    let opts: InitOptions | undefined;
    // Who the page is signed in as: user.id, or the `sub` of its identity token.
    let uid: string | undefined;
    let token: Promise<string | null> | undefined;
    let ui: Promise<Ui | undefined> | undefined;
    let invitation: Invitation | undefined;
    let generation = 0;
    const listeners: [string, (data: unknown) => void][] = [];

    const origin = () => opts?.api || new URL(src).origin;
    const storeKey = () => (opts ? `candor:${opts.key}:${uid}` : null);
    // Read only to key local state; the server verifies the token.
    const subOf = (t: unknown) => {
      try {
        const sub = JSON.parse(atob(String(t).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).sub;
        return sub == null ? undefined : String(sub);
      } catch {}
    };
    const storage = (fn: (s: Storage) => unknown) => {
      try {
        return fn(localStorage);
      } catch {
        return null;
      }
    };
    // Without a token (identify) the JSON goes as text/plain: a CORS-simple request, so the
    // first call costs one round trip, not a preflight and then the call.
    const post = (path: string, body: unknown, auth?: string | null) =>
      fetch(`${origin()}/v1/widget/${path}`, {
        method: 'POST',
        headers: auth
          ? { 'content-type': 'application/json', authorization: `Bearer ${auth}` }
          : { 'content-type': 'text/plain' },
        body: JSON.stringify(body),
      }).then(
        (r) => (r.ok ? r.json() : r.status),
        () => 0,
      );

    const emit = (name: HostEvent, data: unknown) => {
      for (const [n, f] of listeners) {
        try {
          if (n === name) f(data);
        } catch {}
      }
    };

    const load = (host: Host) =>
      (ui ??= import(/* @vite-ignore */ new URL(__CANDOR_UI__, src).href).then(
        (m) => m.mount(host) as Ui,
        () => {
          ui = undefined;
          return undefined;
        },
      ));

    const widgetHost = (): Host => ({
      api: origin(),
      auth: (renew) => (renew || !token ? identify() : token),
      emit,
      store: storeKey(),
      locale: opts?.locale,
      strings: opts?.strings,
      theme: opts?.theme,
      nonce: opts?.nonce,
    });

    const offer = (inv: Invitation | null | undefined) => {
      if (inv && typeof inv === 'object') {
        invitation = inv;
        load(widgetHost()).then((u) => u?.invite(inv));
      }
    };

    const note = (m: PlayMessage | null | undefined) => {
      if (m && typeof m === 'object') load(widgetHost()).then((u) => u?.message(m));
    };

    const identify = (): Promise<string | null> => {
      const o = opts;
      const g = generation;
      if (!o) return Promise.resolve(null);
      token = post('identify', {
        key: o.key,
        token: o.token,
        user: o.user,
        account: o.account,
        userHash: o.userHash,
        locale: o.locale || navigator.language,
      }).then((r) => {
        if (!r || typeof r !== 'object' || g !== generation) return null;
        offer(r.invitation);
        note(r.message);
        return r.token as string;
      });
      return token;
    };

    const shutdown = () => {
      generation++;
      const key = storeKey();
      if (key) storage((s) => s.removeItem(key));
      ui?.then((u) => u?.destroy());
      ui = token = opts = uid = invitation = undefined;
    };

    const run = (cmd: string, a?: Args[0], b?: Args[0]) => {
      try {
        if (cmd === 'init') {
          const id = a?.user?.id != null ? String(a.user.id) : a?.token ? subOf(a.token) : undefined;
          if (!a?.key || id == null) return;
          if (opts && (uid !== id || opts.key !== a.key)) shutdown();
          opts = { ...a, user: a.user && { ...a.user, ...(a.user.id != null ? { id } : {}) } };
          uid = id;
          identify();
          const key = storeKey();
          if (key && storage((s) => s.getItem(key))) load(widgetHost()).then((u) => u?.resume());
        } else if (cmd === 'track' && opts && typeof a === 'string') {
          const send = (t: string | null): Promise<unknown> =>
            t ? post('track', { event: a, properties: b || undefined }, t) : Promise.resolve(0);
          (token || identify())
            .then(send)
            .then((r) => (r === 401 ? identify().then(send) : r))
            .then((r) => offer((r as { invitation?: Invitation } | null)?.invitation));
        } else if (cmd === 'open' && opts) {
          const id = typeof a === 'string' ? a : invitation?.interview_id || invitation?.id;
          load(widgetHost()).then((u) => u?.open(id));
        } else if (cmd === 'on' && typeof b === 'function') {
          listeners.push([a, b]);
        } else if (cmd === 'shutdown') {
          shutdown();
        }
      } catch {}
    };

    const candor: CandorFn = (...args: Args) => run(...(args as [string]));
    candor.l = 1;
    w.Candor = candor;

    // The hosted page (/i/{token}) loads this same script with the link token on the tag.
    const link = script?.dataset.link;
    const interview = script?.dataset.interview;
    if (link && interview) {
      load({
        api: new URL(src).origin,
        auth: () => Promise.resolve(link),
        emit,
        store: `candor:i:${interview}`,
        locale: script.dataset.locale,
        strings: script.dataset.heading ? { heading: script.dataset.heading } : undefined,
        page: true,
        moment: script.dataset.moment,
      }).then((u) => u?.open(interview));
    }
    for (const args of Array.from(queue)) run(...(Array.from(args) as [string]));
  } catch {}
})();
