/** Display formats for money, dates and rates, in the reader's locale. */
const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const compactMoney = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dayTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export const formatMoney = (cents: number | null | undefined) => (cents == null ? '—' : money.format(cents / 100));
export const formatMoneyCompact = (cents: number | null | undefined) =>
  cents == null ? '—' : compactMoney.format(cents / 100);

/** `renewal_date` arrives as YYYY-MM-DD; read it as a calendar day, not a UTC instant. */
export function formatDay(value: string | null | undefined) {
  if (!value) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : day.format(d);
}

export function formatDateTime(value: string | null | undefined) {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dayTime.format(d);
}

export function formatRelative(value: string | null | undefined, now = Date.now()) {
  if (!value) return 'never';
  const days = Math.round((now - new Date(value).getTime()) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  return formatDay(value);
}

export function formatDaysUntil(value: string | null | undefined, now = Date.now()) {
  if (!value) return null;
  const days = Math.round((new Date(`${value}T12:00:00`).getTime() - now) / 86_400_000);
  if (days < 0) return `${-days} days ago`;
  if (days === 0) return 'today';
  return `in ${days} days`;
}

export const formatPercent = (rate: number | null | undefined) => (rate == null ? '—' : `${Math.round(rate * 100)}%`);

/** snake_case → "Snake case" for enum-ish values coming from the data. */
export function humanize(value: string | null | undefined) {
  if (!value) return '—';
  const s = value.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
