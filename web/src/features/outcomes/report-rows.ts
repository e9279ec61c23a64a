import type { Schemas } from '../../app/api/types';
import type { Translate } from '../../app/i18n';
import { peopleText, shareText } from './outcome-model';

type PeopleCount = Schemas['PeopleCount'];
type Pair<T> = { current: T; previous: T };
export type ReportRow = { label: string; current: string; previous: string };

/**
 * People who joined between two moments, from the members counted at each: shown only when both
 * counts are shown and the difference is 5 or more, so it never uncovers a hidden count.
 */
export function joinedBetween(before: PeopleCount, after: PeopleCount): PeopleCount {
  if (before.value === null || after.value === null) return { value: null, hidden: true };
  const joined = after.value - before.value;
  return joined < 5 ? { value: null, hidden: true } : { value: joined, hidden: false };
}

/** The report's headline figures in the order management reads them: people, then what they brought. */
export function headlineRows(
  t: Translate,
  data: {
    funnel: Schemas['OutcomeFunnel'];
    figures: Schemas['OutcomeFigures'];
    activity: Schemas['ActivityReport'];
  },
): ReportRow[] {
  const { funnel, figures, activity } = data;
  const members = funnel.steps.find((step) => step.step === 'joined')!;
  const people = (label: string, pair: Pair<PeopleCount>): ReportRow => ({
    label,
    current: peopleText(t, pair.current),
    previous: peopleText(t, pair.previous),
  });
  const plain = (label: string, pair: Pair<number | null>, unit = ''): ReportRow => ({
    label,
    current: pair.current === null ? '—' : `${pair.current.toLocaleString()}${unit}`,
    previous: pair.previous === null ? '—' : `${pair.previous.toLocaleString()}${unit}`,
  });
  return [
    people(t('outcomes.report.members'), members),
    {
      label: t('outcomes.report.joined'),
      current: peopleText(t, joinedBetween(members.previous, members.current)),
      // The members at the start of the previous period are not among the dashboard's figures.
      previous: '—',
    },
    people(t('outcomes.activity.activeMembers'), {
      current: activity.current.activeMembers,
      previous: activity.previous.activeMembers,
    }),
    people(t('outcomes.activity.monthlyActive'), {
      current: activity.current.monthlyActive,
      previous: activity.previous.monthlyActive,
    }),
    people(t('outcomes.figures.rehires'), figures.rehires.count),
    plain(t('outcomes.figures.medianDays'), figures.rehires.medianDaysToReturn, t('outcomes.figures.days')),
    people(t('outcomes.figures.referred'), figures.referrals.referred),
    people(t('outcomes.figures.referredHired'), figures.referrals.hired),
    people(t('outcomes.figures.collaborations'), figures.collaborations),
    people(t('outcomes.figures.attendees'), figures.events.attendees),
    {
      label: t('outcomes.figures.linkRate'),
      current: shareText(figures.surveys.linkResponseRate.current),
      previous: shareText(figures.surveys.linkResponseRate.previous),
    },
    plain(t('outcomes.figures.proposalsAdopted'), figures.proposals.adopted),
  ];
}
