import { z } from '@hono/zod-openapi';
import { PeopleCountSchema } from '../privacy.js';
import { type Ingredient, ingredients, type Weights } from './engagement-score.js';

const Weight = z.number().int().min(0).max(100);

export const WeightsSchema = z
  .strictObject(
    Object.fromEntries(ingredients.map((key) => [key, Weight])) as Record<Ingredient, typeof Weight>,
  )
  .openapi('EngagementWeights');

export const EngagementQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const WeightsInputSchema = z
  .strictObject({ weights: WeightsSchema })
  .openapi('EngagementWeightsInput');

const Count = z.number().int();

export const MemberEngagementSchema = z
  .object({
    membershipId: z.uuid(),
    name: z.string(),
    score: Count,
    goingQuiet: z.boolean(),
    ...(Object.fromEntries(ingredients.map((key) => [key, Count])) as Record<Ingredient, typeof Count>),
  })
  .openapi('MemberEngagement');

export const EngagementReportSchema = z
  .object({
    windowDays: Count.openapi({ description: 'The score counts the last this many days, today included' }),
    weights: WeightsSchema,
    defaultWeights: WeightsSchema,
    goingQuiet: PeopleCountSchema.openapi({
      description: 'Members active in the 60 days before the last 30 and not in the last 30',
    }),
    total: Count,
    members: z.array(MemberEngagementSchema),
  })
  .openapi('EngagementReport');

export const WeightsReportSchema = z
  .object({ weights: WeightsSchema, defaultWeights: WeightsSchema })
  .openapi('EngagementWeightsReport');

export type WeightsInput = z.infer<typeof WeightsInputSchema> & { weights: Weights };
