import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import type { RecordedEvent } from './record-events';

/**
 * Called once per stored batch, after its transaction committed, with only the events that
 * were new (repeats by message_id are left out). Trigger evaluation plugs in here.
 */
export async function onEventsRecorded(_deps: AppDeps, _ws: Ws, _events: RecordedEvent[]): Promise<void> {}
