import { z } from '@hono/zod-openapi';
import { CostPerHireSchema } from './cost-per-hire.js';
import { checkPeriod, outcomePeriodShape, PeriodSchema } from './period.js';
import { PeopleCountSchema } from './privacy.js';

const Compared = <T extends z.ZodType>(schema: T) => z.object({ current: schema, previous: schema });
const People = Compared(PeopleCountSchema);
const Things = Compared(z.number().int());
const Figure = Compared(z.number().nullable());

export const OutcomeExportQuerySchema = z
  .object({ ...outcomePeriodShape, encoding: z.enum(['utf8', 'cp932']).default('utf8') })
  .superRefine(checkPeriod);

export const OutcomeFiguresSchema = z
  .object({
    period: Compared(PeriodSchema),
    rehires: z.object({
      count: People,
      medianDaysToReturn: Figure.openapi({
        description: 'Median days from leaving to return; null when hidden',
      }),
    }),
    referrals: z.object({ referred: People, hired: People }),
    collaborations: People,
    events: z.object({ held: Things, attendances: People, attendees: People }),
    surveys: z.object({
      responses: People,
      linksSent: People,
      linkResponseRate: Figure,
      scaleAverage: Figure.openapi({ description: 'Average of 1–5 scale answers' }),
      nps: Figure.openapi({ description: 'Net promoter score (−100…100) of NPS answers' }),
    }),
    proposals: z.object({ received: Things, adopted: Things }),
    money: z.object({
      costPerHire: CostPerHireSchema.nullable(),
      perHireYen: z.number().int().nullable(),
      savedYen: Figure.openapi({ description: 'Comebacks × cost per hire; null when unset or hidden' }),
    }),
  })
  .openapi('OutcomeFigures');
