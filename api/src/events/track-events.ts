import type { EventInput, TrackEventsResult } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { retryTransaction } from '../db/retry-transaction';
import { tenant, type Ws } from '../db/tenant';
import { onEventsRecorded } from './on-events-recorded';
import { recordEvents } from './record-events';

/** Stores a batch of events in one transaction, then hands the new ones to the event hook. */
export async function trackEvents(deps: AppDeps, ws: Ws, events: EventInput[]): Promise<TrackEventsResult> {
  const { result, recorded } = await retryTransaction(deps.db, (trx) =>
    recordEvents(tenant(trx, ws), events, deps.now()),
  );
  if (recorded.length > 0) await onEventsRecorded(deps, ws, recorded);
  return result;
}
