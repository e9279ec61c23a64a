import { z } from '@hono/zod-openapi';

/**
 * Below this many people an aggregate could point at someone (「退職年 2019・営業部で再入社 1 人」),
 * so it is not shown, in the API, on the screen or in a CSV. Applies to counts of people only:
 * counts of things (posts, events) are shown as they are.
 */
export const MIN_GROUP_SIZE = 5;

/** A count of people: `value` is null and `hidden` true when fewer than MIN_GROUP_SIZE (shown as 5人未満). */
export type PeopleCount = { value: number | null; hidden: boolean };

export const PeopleCountSchema = z
  .object({
    value: z.number().int().nullable(),
    hidden: z.boolean().openapi({ description: 'Fewer than 5 people: not shown, to protect individuals' }),
  })
  .openapi('PeopleCount');

/** Zero included: "nobody in this cohort" says as much about each person in it as "one person". */
export function countPeople(count: number): PeopleCount {
  return count < MIN_GROUP_SIZE ? { value: null, hidden: true } : { value: count, hidden: false };
}

/**
 * A share of people (a conversion), or null when either side is hidden: a rate over a hidden
 * count would let the count be worked out again.
 */
export function shareOf(part: PeopleCount, whole: PeopleCount): number | null {
  if (part.value === null || whole.value === null || whole.value === 0) return null;
  return Math.round((part.value / whole.value) * 1000) / 1000;
}
