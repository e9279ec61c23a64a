/** Digests go out from 08:00 local time: every day, on Mondays for the weekly one, on the 1st for the monthly one. */
export const DIGEST_HOUR = 8;
const DAY = 24 * 60 * 60 * 1000;

type LocalParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
};

function localParts(instant: number, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')),
  };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function zoneOffset(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a local wall-clock time happens in a zone (checked twice for days that change offset). */
function atLocal(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone);
  return new Date(instant);
}

export type DigestSchedule = 'daily' | 'weekly' | 'monthly';

/**
 * The start of the digest period `now` falls in: the latest 08:00 (daily), Monday 08:00 (weekly) or
 * 08:00 on the 1st (monthly) at or before `now`. A member is due when their last digest went out before it.
 */
export function digestPeriodStart(now: Date, frequency: DigestSchedule, timeZone: string): Date {
  const today = localParts(now.getTime(), timeZone);
  if (frequency === 'monthly') {
    const start = atLocal(today.year, today.month, 1, DIGEST_HOUR, timeZone);
    if (start.getTime() <= now.getTime()) return start;
    const previous =
      today.month === 1 ? { year: today.year - 1, month: 12 } : { ...today, month: today.month - 1 };
    return atLocal(previous.year, previous.month, 1, DIGEST_HOUR, timeZone);
  }
  const daysBack = frequency === 'weekly' ? (today.weekday + 6) % 7 : 0;
  // Noon avoids stepping over a day boundary when walking back whole days.
  const noon = atLocal(today.year, today.month, today.day, 12, timeZone).getTime() - daysBack * DAY;
  const day = localParts(noon, timeZone);
  let start = atLocal(day.year, day.month, day.day, DIGEST_HOUR, timeZone);
  if (start.getTime() > now.getTime()) {
    const earlier = localParts(noon - (frequency === 'weekly' ? 7 : 1) * DAY, timeZone);
    start = atLocal(earlier.year, earlier.month, earlier.day, DIGEST_HOUR, timeZone);
  }
  return start;
}

/**
 * Where the first digest of a member who never had one starts counting: the start of the period before
 * the current one (months differ in length, so this is found on the calendar rather than by a fixed span).
 */
export function previousDigestPeriodStart(
  periodStart: Date,
  frequency: DigestSchedule,
  timeZone: string,
): Date {
  return digestPeriodStart(new Date(periodStart.getTime() - 1), frequency, timeZone);
}
