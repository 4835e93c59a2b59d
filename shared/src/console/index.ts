export * from './brief-runs';
export * from './common';
export * from './guides';
export * from './outbox';
export * from './review-queue';
export * from './settings';
export * from './signal-corrections';
export * from './triggers';
