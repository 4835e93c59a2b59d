import type { Moment, RatingPrompt } from '@candor/shared';

/** What `Candor('init', …)` accepts: `token` (a signed JWT naming the user), or `user` with `userHash`. */
export type InitOptions = {
  key: string;
  /** HS256 JWT from the host's server: sub, email, name, account, exp. */
  token?: string;
  user?: { id?: string; email?: string; name?: string; attributes?: Record<string, unknown> };
  account?: { id: string; name?: string };
  userHash?: string;
  locale?: string;
  theme?: Theme;
  nonce?: string;
  /** Overrides for any UI string, e.g. `{ start: 'Sure!' }`. */
  strings?: Record<string, string>;
  /** The Candor origin; defaults to where widget.js was loaded from. */
  api?: string;
};

/** A few CSS custom properties the host may set. */
export type Theme = {
  accent?: string;
  accentText?: string;
  radius?: string;
  font?: string;
  mode?: 'light' | 'dark' | 'auto';
  position?: 'right' | 'left';
};

/** An in-app invitation as returned by identify/track. */
export type Invitation = {
  id?: string;
  interview_id?: string;
  moment?: Moment | string;
  guide_name?: string;
  /** The guide's opening message (shown once the chat starts, not on the card). */
  message?: string;
  /** The language the interview will speak; the card's buttons follow it. */
  language?: string;
};

/** A play's message for this contact, as returned by identify: plain text and an https link. */
export type PlayMessage = { id: string; title: string; body: string; link_url: string; link_label?: string | null };

export type HostEvent = 'shown' | 'completed' | 'declined';

/** What the loader hands to the UI module. */
export type Host = {
  api: string;
  /** A bearer token for the interview endpoints; `renew` asks for a fresh one after a 401. */
  auth(renew?: boolean): Promise<string | null>;
  emit(name: HostEvent, data: unknown): void;
  /** localStorage key holding this contact's resume state, or null when there is nowhere to keep it. */
  store: string | null;
  locale?: string;
  strings?: Record<string, string>;
  theme?: Theme;
  nonce?: string;
  /** Full-page mode (the hosted interview page). */
  page?: boolean;
  /** The hosted page's moment, for the Start card's title. */
  moment?: string;
};

/** The UI module's surface, used by the loader. */
export type Ui = {
  invite(invitation: Invitation): void;
  /** Shows a play's message card (once; the server answers each message once). */
  message(message: PlayMessage): void;
  open(interviewId?: string): void;
  resume(): boolean;
  destroy(): void;
};

export type Role = 'interviewer' | 'customer';
/** `rating`: this interviewer message asks for a score on that scale. */
export type Message = { id?: string; role: Role; text: string; client_id?: string | null; rating?: RatingPrompt };
export type InterviewView = {
  id: string;
  status: string;
  mode?: string;
  /** The language the server chose for the interview; the UI strings follow it. */
  language?: string;
  messages: Message[];
};

/** Resume state kept in localStorage per contact. */
export type Saved = {
  id: string;
  /** open | min (minimized) | closed */
  view: 'open' | 'min' | 'closed';
  pending?: Pending;
};

/** An answer on its way: `rating` when it is a score picked on the scale. */
export type Pending = { client_id: string; text: string; rating?: number };
