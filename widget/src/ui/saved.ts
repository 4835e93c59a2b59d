import type { Saved } from '../types';

// Storage can throw (privacy modes, sandboxed frames): the widget then simply cannot resume.
function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The contact's resume state, if any. */
export function readSaved(key: string | null): Saved | null {
  try {
    const raw = key ? storage()?.getItem(key) : null;
    const v = raw ? JSON.parse(raw) : null;
    return v && typeof v.id === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Writes (or with `null`, forgets) the resume state. */
export function writeSaved(key: string | null, value: Saved | null) {
  try {
    if (!key) return;
    if (value) storage()?.setItem(key, JSON.stringify(value));
    else storage()?.removeItem(key);
  } catch {}
}

const SNOOZE_MS = 24 * 3600 * 1000;

/** "Not now": the same invitation stays hidden for a day. */
export function snooze(id: string) {
  try {
    storage()?.setItem(`candor:snooze:${id}`, String(Date.now()));
  } catch {}
}

export function isSnoozed(id: string): boolean {
  try {
    return Date.now() - Number(storage()?.getItem(`candor:snooze:${id}`) || 0) < SNOOZE_MS;
  } catch {
    return false;
  }
}
