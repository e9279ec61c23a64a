import type { Schemas } from '../../app/api/types';
import type { Translate } from '../../app/i18n';

export type PeopleCount = Schemas['PeopleCount'];

/** A count of people as the screen and the CSV write it: fewer than five as 5人未満. */
export const peopleText = (t: Translate, count: PeopleCount | undefined) =>
  !count || count.hidden || count.value === null ? t('outcomes.hidden') : count.value.toLocaleString();

export const shareText = (share: number | null) =>
  share === null ? '—' : `${Math.round(share * 1000) / 10}%`;

/** Figures a chart can draw: a hidden count is a gap, not a zero. */
export const chartValue = (count: PeopleCount) => (count.hidden ? null : count.value);

export const outcomeKeys = {
  funnel: (slug: string, query: Record<string, string>) => ['outcomes', slug, 'funnel', query] as const,
  figures: (slug: string, query: Record<string, string>) => ['outcomes', slug, 'figures', query] as const,
  report: (slug: string, query: Record<string, string>) => ['outcomes', slug, 'report', query] as const,
};
