import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineJob, noPayload } from '../jobs/define-job';
import { eraseExpiredTranscripts } from './erase-expired-transcripts';

declare module '../jobs/define-job' {
  interface JobPayloads {
    'erase-expired-transcripts': z.infer<typeof noPayload>;
  }
}

/** Daily, at a quiet hour (a period is measured in days): erases the words of interviews older than their workspace's retention period. */
export const eraseExpiredTranscriptsJob = defineJob({
  name: 'erase-expired-transcripts',
  payload: noPayload,
  schedule: '45 3 * * *',
  run: async (deps: AppDeps) => {
    const erased = await eraseExpiredTranscripts(deps);
    if (erased.interviews) deps.log.info(erased, 'transcripts erased by retention');
  },
});
