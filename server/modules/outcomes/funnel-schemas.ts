import { z } from '@hono/zod-openapi';
import { leaveReasons } from '../../db/schema/index.js';
import { checkPeriod, outcomePeriodShape, PeriodSchema } from './period.js';
import { PeopleCountSchema } from './privacy.js';

export const funnelSteps = ['records', 'consent', 'invited', 'joined', 'active'] as const;
export type FunnelStep = (typeof funnelSteps)[number];
export const cohortDimensions = ['leftYear', 'department', 'leaveReason'] as const;
export type CohortDimension = (typeof cohortDimensions)[number];
export const joinSources = ['staff', 'referral', 'join_request'] as const;

const cohortShape = {
  leftYear: z.coerce.number().int().min(1900).max(2200).optional().openapi({ description: 'Leaving year' }),
  department: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Last department (最終所属)' }),
  leaveReason: z.enum(leaveReasons).optional(),
  by: z.enum(cohortDimensions).optional().openapi({ description: 'Break the funnel down by this cohort' }),
};

export const FunnelQuerySchema = z.object({ ...outcomePeriodShape, ...cohortShape }).superRefine(checkPeriod);
export type FunnelQuery = z.infer<typeof FunnelQuerySchema>;

export const FunnelExportQuerySchema = z
  .object({ ...outcomePeriodShape, ...cohortShape, encoding: z.enum(['utf8', 'cp932']).default('utf8') })
  .superRefine(checkPeriod);

const Compared = <T extends z.ZodType>(schema: T) => z.object({ current: schema, previous: schema });
const Share = z
  .number()
  .nullable()
  .openapi({ description: 'Share of the step before (0–1); null when hidden' });

const StepsSchema = z.object(
  Object.fromEntries(funnelSteps.map((step) => [step, PeopleCountSchema])) as {
    [K in FunnelStep]: typeof PeopleCountSchema;
  },
);

export const FunnelSchema = z
  .object({
    period: Compared(PeriodSchema),
    /** The moment each funnel is counted at: the period's end, or now for a period still running. */
    asOf: Compared(z.string()),
    activeDays: z.number().int(),
    steps: z.array(
      z.object({
        step: z.enum(funnelSteps),
        current: PeopleCountSchema,
        previous: PeopleCountSchema,
        conversion: Compared(Share),
      }),
    ),
    breakdown: z
      .object({
        by: z.enum(cohortDimensions),
        rows: z.array(
          z.object({
            /** The cohort's value; null for records where it is not filled in. */
            cohort: z.string().nullable(),
            current: StepsSchema,
            previous: StepsSchema,
          }),
        ),
      })
      .nullable(),
    sources: z.array(
      z.object({
        source: z.enum(joinSources),
        invited: Compared(PeopleCountSchema),
        joined: Compared(PeopleCountSchema),
      }),
    ),
    requests: z.object({
      joinRequests: Compared(PeopleCountSchema),
      memberReferrals: Compared(PeopleCountSchema),
    }),
    cohorts: z.object({
      leftYears: z.array(z.number().int()),
      departments: z.array(z.string()),
      leaveReasons: z.array(z.enum(leaveReasons)),
    }),
  })
  .openapi('OutcomeFunnel');
export type Funnel = z.infer<typeof FunnelSchema>;
