import { activityConsoleEn } from '../../../../web/src/app/messages/console/activity.en.js';
import { activityConsoleJa } from '../../../../web/src/app/messages/console/activity.ja.js';
import type { Locale } from '../../../platform/i18n/messages.js';
import type { SpreadsheetRow } from '../../../platform/spreadsheet/write-spreadsheet-csv.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { type OutcomeCsvOptions, peopleCell, writeOutcomeCsv } from '../outcome-csv.js';
import type { Periods } from '../period.js';
import type { PeopleCount } from '../privacy.js';
import { loadActivityReport } from './activity-report.js';
import type { ActivityReport, PresentedActivityFigures } from './activity-schemas.js';

type Measure = keyof PresentedActivityFigures;
type WeekMeasure = 'activeMembers' | 'posts' | 'comments' | 'messages';

/** The screen's order: people first, then what they did, then growth and reach. */
const measures: Measure[] = [
  'activeMembers',
  'weeklyActive',
  'monthlyActive',
  'readersOnly',
  'posts',
  'comments',
  'messages',
  'reactions',
  'articleReads',
  'groupsCreated',
  'groupsTotal',
  'hashtagsCreated',
  'hashtagsTotal',
  'digestReach',
  'newsletters',
  'newsletterReach',
];
const weekMeasures: WeekMeasure[] = ['activeMembers', 'posts', 'comments', 'messages'];

/**
 * Each measure's name from the dashboard's own message catalogue, so a figure in the file is found
 * under the name it has on screen and the two cannot drift apart.
 */
const labelsOf = (catalogue: typeof activityConsoleEn) =>
  Object.fromEntries(
    measures.map((measure) => [measure, catalogue[`outcomes.activity.${measure}`]]),
  ) as Record<Measure, string>;

const words = {
  ja: {
    columns: ['区分', '項目', '今期間', '前期間'],
    period: '活動',
    weeks: '週ごと',
    week: (from: string, measure: string) => `${from} からの週: ${measure}`,
    measure: labelsOf(activityConsoleJa),
  },
  en: {
    columns: ['Section', 'Item', 'This period', 'Previous period'],
    period: 'Activity',
    weeks: 'Week by week',
    week: (from: string, measure: string) => `Week from ${from}: ${measure}`,
    measure: labelsOf(activityConsoleEn),
  },
} as const;

/**
 * The activity section as the screen shows it: each measure for the period and the one before, then
 * the weekly chart's figures. Counts of people under 5 are written as 5人未満, as on screen.
 */
export function activityRows(report: ActivityReport, locale: Locale): SpreadsheetRow[] {
  const say = words[locale];
  const cell = (value: number | PeopleCount) =>
    typeof value === 'number' ? value : peopleCell(value, locale);
  const rows: SpreadsheetRow[] = measures.map((measure) => ({
    cells: [say.period, say.measure[measure], cell(report.current[measure]), cell(report.previous[measure])],
  }));
  for (const week of report.weeks)
    for (const measure of weekMeasures)
      rows.push({ cells: [say.weeks, say.week(week.from, say.measure[measure]), cell(week[measure]), null] });
  return rows;
}

export async function exportActivity(
  ctx: TenantServiceContext,
  periods: Periods,
  options: OutcomeCsvOptions,
) {
  const report = await loadActivityReport(ctx, periods);
  return writeOutcomeCsv(ctx, {
    section: 'activity',
    periods,
    columns: words[options.locale].columns,
    rows: activityRows(report, options.locale),
    encoding: options.encoding,
  });
}
