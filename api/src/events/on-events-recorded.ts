import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import { evaluateRecordedEvents } from '../triggers/evaluate-events';
import type { RecordedEvent } from './record-events';

/**
 * Called once per stored batch, after its transaction committed, with only the events that
 * were new (repeats by message_id are left out): event and health-change trigger rules
 * are evaluated here.
 */
export async function onEventsRecorded(deps: AppDeps, ws: Ws, events: RecordedEvent[]): Promise<void> {
  await evaluateRecordedEvents(deps, ws, events);
}
