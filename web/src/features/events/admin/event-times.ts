/**
 * A datetime-local field holds a wall-clock time with no zone ("2026-12-04T19:00"). An event's times
 * are typed as the clock reads in the event's own time zone, and the server takes instants with an
 * offset, so these convert between the two with Intl alone (no time-zone database of our own).
 */

const parts = (zone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The wall clock in `zone` at an instant, as its fields. */
function clockAt(zone: string, instant: number) {
  const fields: Record<string, string> = {};
  for (const part of parts(zone).formatToParts(new Date(instant))) fields[part.type] = part.value;
  return fields as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** Minutes `zone` is ahead of UTC at an instant. */
function offsetMinutes(zone: string, instant: number): number {
  const c = clockAt(zone, instant);
  const asUtc = Date.UTC(+c.year, +c.month - 1, +c.day, +c.hour, +c.minute, +c.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-12-04T19:00" read in `zone` as an ISO instant with that zone's offset then
 * ("2026-12-04T19:00:00+09:00"); "" stays "" (the server names the empty field).
 */
export function instantOf(local: string, zone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the wall time read as UTC is right except within hours of a DST change; once more settles it.
  let offset = offsetMinutes(zone, wall);
  offset = offsetMinutes(zone, wall - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The wall clock in `zone` at an ISO instant, as a datetime-local field takes it. */
export function localOf(iso: string | null, zone: string): string {
  if (!iso) return '';
  const c = clockAt(zone, Date.parse(iso));
  return `${c.year}-${c.month}-${c.day}T${c.hour}:${c.minute}`;
}

/** An instant as the event's own zone shows it, e.g. "2026/12/04 19:00" or "4 Dec 2026, 19:00". */
export function formatInZone(iso: string, zone: string, locale: 'ja' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  }).format(new Date(iso));
}

/** The zones offered in the form; an event's own zone is added when it is not among them. */
export const commonZones = [
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'UTC',
];
