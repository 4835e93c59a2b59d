const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a path parameter can be a row id. Checked before querying: Postgres rejects a
 * malformed uuid with an error (a 500), where the caller means "no such thing" (a 404).
 */
export const isUuid = (value: string): boolean => UUID.test(value);
