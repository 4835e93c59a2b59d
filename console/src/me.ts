import { createContext, use } from 'react';
import type { Schemas } from './api';

/** The signed-in member and their workspace (`GET /me`). */
export type Me = Schemas['ConsoleMe'];

export const MeContext = createContext<Me | null>(null);

/** The signed-in member; only used below <App>, where it is always set. */
export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error('useMe outside the signed-in app');
  return me;
}
