import { type ComponentType, lazy } from 'react';
import type { MessageKey } from '../../app/messages/ja';
import type { PeriodChoice } from './period-model';

/** What every dashboard section gets: the network and the period chosen at the top of the page. */
export type OutcomeSectionProps = { slug: string; period: PeriodChoice };

export type OutcomeSection = {
  /** The anchor (#funnel) the page's section list links to. */
  id: string;
  label: MessageKey;
  Component: ComponentType<OutcomeSectionProps>;
};

export const outcomeSection = (load: () => Promise<ComponentType<OutcomeSectionProps>>) =>
  lazy(async () => ({ default: await load() }));

/**
 * The dashboard's sections, in page order. Each loads when the dashboard does and fetches its own
 * figures for the period, so one section's slow query or error does not hold up the others.
 */
export const outcomeSections: OutcomeSection[] = [
  {
    id: 'funnel',
    label: 'outcomes.funnel.title',
    Component: outcomeSection(() => import('./FunnelSection').then((m) => m.FunnelSection)),
  },
  {
    id: 'figures',
    label: 'outcomes.figures.title',
    Component: outcomeSection(() => import('./FiguresSection').then((m) => m.FiguresSection)),
  },
  {
    id: 'activity',
    label: 'outcomes.activity.title',
    Component: outcomeSection(() =>
      import('./activity/ActivitySection').then((module) => module.ActivitySection),
    ),
  },
  {
    id: 'engagement',
    label: 'outcomes.engagement.title',
    Component: outcomeSection(() =>
      import('./engagement/EngagementSection').then((module) => module.EngagementSection),
    ),
  },
];
