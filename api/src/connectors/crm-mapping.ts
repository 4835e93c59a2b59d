/** One company/account as a CRM holds it, mapped to Candor's fields. */
export type CrmAccount = {
  crmId: string;
  ownId: string | null;
  name: string;
  arr: number | null;
  renewalDate: string | null;
  plan: string | null;
  ownerEmail: string | null;
};

/** One CRM contact with an email, and the CRM id of the company/account it belongs to. */
export type CrmContact = {
  crmId: string;
  ownId: string | null;
  accountCrmId: string;
  email: string;
  name: string | null;
  role: string | null;
};

/** First and last name as one, or null when the CRM holds neither. */
export function crmName(first: unknown, last: unknown): string | null {
  const name = [first, last]
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .join(' ');
  return name ? name.slice(0, 200) : null;
}

/** A CRM date (ISO date, ISO date-time, or epoch milliseconds) as YYYY-MM-DD; null when unreadable. */
export function crmDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  if (/^\d{10,}$/.test(s)) return new Date(Number(s)).toISOString().slice(0, 10);
  return null;
}

/** A CRM number (HubSpot sends them as strings); null when empty or not a number. */
export function crmNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 1e12 ? n : null;
}
