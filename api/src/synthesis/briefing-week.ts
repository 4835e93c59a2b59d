import { wallClock, zonedInstant } from '../time/zoned-time';

const DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The weekday name of a calendar date, e.g. "Monday". */
export const weekdayName = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

export type BriefingWeek = {
  /** The Monday of the covered week, as a calendar date in the time zone. */
  monday: string;
  /** Monday to Friday, as calendar dates. */
  workdays: string[];
  /** When the covered week starts and ends (Monday 00:00 to Saturday 00:00 local), as instants. */
  start: Date;
  end: Date;
  timeZone: string;
};

/**
 * The working week a briefing covers, in the CSM's time zone: the current one from Monday
 * to Friday, and from Saturday on the next one — a briefing read on a weekend is read for
 * the week ahead, never for the week that is ending.
 */
export function briefingWeek(now: Date, timeZone: string): BriefingWeek {
  const today = wallClock(now, timeZone).date;
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const monday = weekday === 0 ? addDays(today, 1) : weekday === 6 ? addDays(today, 2) : addDays(today, 1 - weekday);
  const workdays = [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
  return {
    monday,
    workdays,
    start: zonedInstant(monday, '00:00', timeZone),
    end: zonedInstant(addDays(monday, 5), '00:00', timeZone),
    timeZone,
  };
}

/** Whether a string names a time zone this runtime knows. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
