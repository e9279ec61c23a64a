const DAY = 86_400_000;
const JAPAN_OFFSET = 9 * 3_600_000;

/** The calendar day in Japan (no daylight saving) of an instant, as YYYY-MM-DD. */
export function japanDay(at: Date): string {
  return new Date(at.getTime() + JAPAN_OFFSET).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day moved by whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}
