import { rateLimitDefaults } from '@candor/api/config';

/**
 * CANDOR_RATE_LIMITS for a bench: every limit still counts each request (its cost is part of
 * what is measured) but is too high to trip, since a bench's many customers share one address.
 */
export const benchRateLimits = JSON.stringify(
  Object.fromEntries(Object.keys(rateLimitDefaults).map((name) => [name, { points: 1_000_000_000, seconds: 60 }])),
);
