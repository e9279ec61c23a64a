import { z } from '@hono/zod-openapi';

/**
 * The dashboard's period: Japan days, `from` inclusive and `to` exclusive, so "this month" is
 * `from=2026-12-01&to=2027-01-01` and consecutive periods never overlap or leave a gap.
 */
const MAX_DAYS = 3 * 366;
const DAY_MS = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000;

const IsoDateSchema = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && toUtcDay(value) !== null, {
    message: 'outcomes_period_date',
  });

/** The period's fields, for a query that adds its own (a cohort filter); check it with `checkPeriod`. */
export const outcomePeriodShape = {
  from: IsoDateSchema.openapi({ description: 'First day of the period (Japan time)', example: '2026-12-01' }),
  to: IsoDateSchema.openapi({
    description: 'The day after the last day of the period (exclusive, Japan time)',
    example: '2027-01-01',
  }),
};

export function checkPeriod(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const day = (text: string) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? toUtcDay(text) : null);
  const from = day(value.from);
  const to = day(value.to);
  if (from === null || to === null) return;
  if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'outcomes_period_order' });
  else if ((to - from) / DAY_MS > MAX_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'outcomes_period_too_long' });
}

export const OutcomePeriodQuerySchema = z.object(outcomePeriodShape).superRefine(checkPeriod);
export type OutcomePeriodQuery = z.infer<typeof OutcomePeriodQuerySchema>;

/** One period as timestamptz bounds (Japan midnight) and as the Japan days it was asked with. */
export type Period = { from: Date; to: Date; fromDate: string; toDate: string };
export type Periods = { current: Period; previous: Period };

/** Midnight UTC of an ISO day, or null when the day does not exist (2026-02-30). */
function toUtcDay(isoDate: string): number | null {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return time;
}

const isoOf = (utcDay: number) => new Date(utcDay).toISOString().slice(0, 10);

function periodOf(fromDay: number, toDay: number): Period {
  return {
    from: new Date(fromDay - TOKYO_OFFSET_MS),
    to: new Date(toDay - TOKYO_OFFSET_MS),
    fromDate: isoOf(fromDay),
    toDate: isoOf(toDay),
  };
}

/**
 * The period asked for and the one just before it of the same length. Whole calendar months (a
 * month, a quarter, a year) are compared with the same number of months before, so December is
 * compared with November rather than with the 31 days before it; any other period with the same
 * number of days.
 */
export function resolvePeriods(query: OutcomePeriodQuery): Periods {
  const from = toUtcDay(query.from)!;
  const to = toUtcDay(query.to)!;
  const fromDate = new Date(from);
  const toDate = new Date(to);
  let previousFrom: number;
  if (fromDate.getUTCDate() === 1 && toDate.getUTCDate() === 1) {
    const months =
      (toDate.getUTCFullYear() - fromDate.getUTCFullYear()) * 12 +
      toDate.getUTCMonth() -
      fromDate.getUTCMonth();
    previousFrom = Date.UTC(fromDate.getUTCFullYear(), fromDate.getUTCMonth() - months, 1);
  } else {
    previousFrom = from - (to - from);
  }
  return { current: periodOf(from, to), previous: periodOf(previousFrom, from) };
}

/** The Japan days a period covers, as the API answers them (`to` exclusive). */
export const PeriodSchema = z
  .object({
    from: z.string().openapi({ example: '2026-12-01' }),
    to: z.string().openapi({ example: '2027-01-01' }),
  })
  .openapi('OutcomePeriod');

export const presentPeriod = (period: Period) => ({ from: period.fromDate, to: period.toDate });
