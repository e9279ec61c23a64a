import type { Schemas } from '../../app/api/types';
import type { Translate } from '../../app/i18n';
import { peopleText, shareText } from './outcome-model';

type PeopleCount = Schemas['PeopleCount'];
type Pair<T> = { current: T; previous: T };
/** A figure as printed; `unknown` says why it cannot be worked out (shown as —, never as 0). */
export type ReportCell = { text: string; unknown?: string };
export type ReportRow = { label: string; current: ReportCell; previous: ReportCell };

const PERIODS = ['current', 'previous'] as const;

/**
 * The report's headline figures in the order management reads them: people, then what they brought.
 * A figure about a group under 5 reads 5人未満 like its group; — is kept for a figure that cannot be
 * worked out, with the reason for screen readers and in the notes under the table.
 */
export function headlineRows(t: Translate, report: Schemas['OutcomeReport']): ReportRow[] {
  const { figures } = report;
  const row = (label: string, cell: (period: (typeof PERIODS)[number]) => ReportCell): ReportRow => ({
    label,
    current: cell('current'),
    previous: cell('previous'),
  });
  const people = (label: string, pair: Pair<PeopleCount>) =>
    row(label, (period) => ({ text: peopleText(t, pair[period]) }));
  const money = figures.money;
  const yen = (value: number | null) =>
    value === null ? t('outcomes.hidden') : t('outcomes.money.yen', { yen: value.toLocaleString() });
  return [
    people(t('outcomes.report.members'), report.members),
    people(t('outcomes.report.joined'), report.joined),
    people(t('outcomes.activity.activeMembers'), report.activeMembers),
    people(t('outcomes.activity.monthlyActive'), report.monthlyActive),
    people(t('outcomes.figures.rehires'), figures.rehires.count),
    row(t('outcomes.figures.medianDays'), (period) => {
      const days = figures.rehires.medianDaysToReturn[period];
      if (days !== null) return { text: `${days.toLocaleString()}${t('outcomes.figures.days')}` };
      // A median of fewer than 5 comebacks is hidden with them; of 5 or more, only missing leaving dates stop it.
      if (figures.rehires.count[period].hidden) return { text: t('outcomes.hidden') };
      return { text: '—', unknown: t('outcomes.report.unknownMedian') };
    }),
    people(t('outcomes.figures.referred'), figures.referrals.referred),
    people(t('outcomes.figures.referredHired'), figures.referrals.hired),
    people(t('outcomes.figures.collaborations'), figures.collaborations),
    people(t('outcomes.figures.attendees'), figures.events.attendees),
    // A response rate is null exactly when the people sent links are hidden (none sent included).
    row(t('outcomes.figures.linkRate'), (period) => {
      const rate = figures.surveys.linkResponseRate[period];
      return { text: rate === null ? t('outcomes.hidden') : shareText(rate) };
    }),
    row(t('outcomes.figures.proposalsAdopted'), (period) => ({
      text: figures.proposals.adopted[period].toLocaleString(),
    })),
    row(t('outcomes.money.saved'), (period) =>
      money.costPerHire
        ? { text: yen(money.savedYen[period]) }
        : { text: '—', unknown: t('outcomes.report.unknownCost') },
    ),
  ];
}

/** The reasons behind the report's — marks, each once, for the notes under the table. */
export const unknownReasons = (rows: ReportRow[]): string[] => [
  ...new Set(rows.flatMap((row) => [row.current.unknown ?? [], row.previous.unknown ?? []].flat())),
];
