import { z } from '@hono/zod-openapi';
import { PeriodSchema } from '../period.js';
import { countPeople, PeopleCountSchema } from '../privacy.js';
import type { ActivityFigures, ActivityWeek } from './activity-figures.js';

const Count = z.number().int();

export const ActivityFiguresSchema = z
  .object({
    activeMembers: PeopleCountSchema,
    weeklyActive: PeopleCountSchema.openapi({ description: 'Active in the 7 days that end the period' }),
    monthlyActive: PeopleCountSchema.openapi({ description: 'Active in the 30 days that end the period' }),
    readersOnly: PeopleCountSchema.openapi({
      description: 'Active members who neither posted nor commented (counted among the active)',
    }),
    posts: Count,
    comments: Count,
    messages: Count,
    reactions: Count,
    articleReads: Count,
    groupsCreated: Count,
    groupsTotal: Count,
    hashtagsCreated: Count,
    hashtagsTotal: Count,
    digestReach: PeopleCountSchema.openapi({ description: 'Members mailed at least one digest' }),
    newsletters: Count.openapi({ description: 'Newsletters sent' }),
    newsletterReach: PeopleCountSchema.openapi({ description: 'Recipients of the newsletters sent' }),
  })
  .openapi('ActivityFigures');

export const ActivityWeekSchema = z
  .object({
    from: z.string().openapi({ example: '2026-12-01' }),
    activeMembers: PeopleCountSchema,
    posts: Count,
    comments: Count,
    messages: Count,
  })
  .openapi('ActivityWeek');

export const ActivityReportSchema = z
  .object({
    period: PeriodSchema,
    previousPeriod: PeriodSchema,
    current: ActivityFiguresSchema,
    previous: ActivityFiguresSchema,
    weeks: z.array(ActivityWeekSchema),
  })
  .openapi('ActivityReport');
export type ActivityReport = z.infer<typeof ActivityReportSchema>;
export type PresentedActivityFigures = z.infer<typeof ActivityFiguresSchema>;

/** Counts of people below 5 are hidden (privacy.ts); counts of things are shown as they are. */
export function presentActivityFigures(figures: ActivityFigures): z.infer<typeof ActivityFiguresSchema> {
  return {
    ...figures,
    activeMembers: countPeople(figures.activeMembers),
    weeklyActive: countPeople(figures.weeklyActive),
    monthlyActive: countPeople(figures.monthlyActive),
    readersOnly: countPeople(figures.readersOnly),
    digestReach: countPeople(figures.digestReach),
    newsletterReach: countPeople(figures.newsletterReach),
  };
}

export function presentActivityWeek(week: ActivityWeek): z.infer<typeof ActivityWeekSchema> {
  return { ...week, activeMembers: countPeople(week.activeMembers) };
}
