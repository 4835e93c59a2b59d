export * from './brief-runs';
export * from './common';
