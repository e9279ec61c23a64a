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

/** The dashboard's own labels, so a figure in the file is found under the name it has on screen. */
const words = {
  ja: {
    columns: ['区分', '項目', '今期間', '前期間'],
    period: '活動',
    weeks: '週ごと',
    week: (from: string, measure: string) => `${from} からの週: ${measure}`,
    measure: {
      activeMembers: 'アクティブ会員数',
      weeklyActive: '週間アクティブ会員数（期末の 7 日間）',
      monthlyActive: '月間アクティブ会員数（期末の 30 日間）',
      readersOnly: 'うち読む専門の会員（投稿・コメントなし）',
      posts: '投稿数',
      comments: 'コメント数',
      messages: 'メッセージ数',
      reactions: 'リアクション数',
      articleReads: '記事の閲覧数',
      groupsCreated: '新しいグループ',
      groupsTotal: 'グループ数（期末）',
      hashtagsCreated: '新しいハッシュタグ',
      hashtagsTotal: 'ハッシュタグ数（期末）',
      digestReach: 'ダイジェストメールの受信者数',
      newsletters: 'ニュースレターの配信回数',
      newsletterReach: 'ニュースレターの配信先数',
    } satisfies Record<Measure, string>,
  },
  en: {
    columns: ['Section', 'Item', 'This period', 'Previous period'],
    period: 'Activity',
    weeks: 'Week by week',
    week: (from: string, measure: string) => `Week from ${from}: ${measure}`,
    measure: {
      activeMembers: 'Active members',
      weeklyActive: 'Weekly active members (last 7 days of the period)',
      monthlyActive: 'Monthly active members (last 30 days of the period)',
      readersOnly: 'of whom readers (no posts or comments)',
      posts: 'Posts',
      comments: 'Comments',
      messages: 'Messages',
      reactions: 'Reactions',
      articleReads: 'Article reads',
      groupsCreated: 'New groups',
      groupsTotal: 'Groups (end of period)',
      hashtagsCreated: 'New hashtags',
      hashtagsTotal: 'Hashtags (end of period)',
      digestReach: 'Members mailed a digest',
      newsletters: 'Newsletters sent',
      newsletterReach: 'Newsletter recipients',
    } satisfies Record<Measure, string>,
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
