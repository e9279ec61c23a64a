import { addDays, daysBetween } from './japan-days.js';

/** Bits in a member_presence row: one per day of the longest year. */
export const YEAR_BITS = 366;

export const noDays = '0'.repeat(YEAR_BITS);

/** The day's position in its year (0 for 1 January), its bit in member_presence. */
export const dayOfYear = (day: string) => daysBetween(`${day.slice(0, 4)}-01-01`, day);

/**
 * The days [from, to] as one bit string per calendar year they touch, for `&` with member_presence's
 * columns. Empty when `to` is before `from`.
 */
export function yearMasks(from: string, to: string): { year: number; mask: string }[] {
  const masks: { year: number; mask: string }[] = [];
  let start = from;
  while (daysBetween(start, to) >= 0) {
    const year = Number(start.slice(0, 4));
    const yearEnd = `${year}-12-31`;
    const end = daysBetween(yearEnd, to) > 0 ? yearEnd : to;
    const first = dayOfYear(start);
    const last = dayOfYear(end);
    masks.push({
      year,
      mask: '0'.repeat(first) + '1'.repeat(last - first + 1) + '0'.repeat(YEAR_BITS - last - 1),
    });
    start = addDays(end, 1);
  }
  return masks;
}
