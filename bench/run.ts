import { benchConsoleAccounts } from './console-accounts';

/** `npm run bench`: prints figures for each benchmark; never asserts timings. */
await benchConsoleAccounts();
