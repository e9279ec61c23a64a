import type { LeaveReason } from '../../db/schema/index.js';
import type { Locale } from '../../platform/i18n/messages.js';
import type { SpreadsheetRow } from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import { fileWords } from '../registry/vocabulary.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { loadFunnel } from './funnel.js';
import type { CohortDimension, Funnel, FunnelQuery, FunnelStep } from './funnel-schemas.js';
import { type OutcomeCsvOptions, peopleCell, shareCell, writeOutcomeCsv } from './outcome-csv.js';
import type { Periods } from './period.js';
import type { PeopleCount } from './privacy.js';

const words = {
  ja: {
    columns: ['区分', '項目', '今期間', '前期間', '今期間の転換率', '前期間の転換率'],
    funnel: 'ファネル',
    sources: '招待経路',
    requests: '参加申請・紹介',
    none: '未登録',
    step: {
      records: '退職者記録',
      consent: '連絡の同意あり',
      invited: '招待済み',
      joined: '参加',
      active: 'アクティブ（期末の 30 日間）',
    } satisfies Record<FunnelStep, string>,
    source: { staff: '人事からの招待', referral: 'メンバーの紹介', join_request: '参加申請' },
    invited: '招待',
    joined: '参加',
    joinRequests: '参加申請の受付',
    memberReferrals: 'メンバーからの紹介の受付',
    by: { leftYear: '退職年', department: '最終所属', leaveReason: '退職理由' } satisfies Record<
      CohortDimension,
      string
    >,
    reason: fileWords.ja.leaveReason as Record<LeaveReason, string>,
    cohort: 'コホート',
  },
  en: {
    columns: [
      'Section',
      'Item',
      'This period',
      'Previous period',
      'Conversion (this)',
      'Conversion (previous)',
    ],
    funnel: 'Funnel',
    sources: 'Invitation sources',
    requests: 'Join requests and referrals',
    none: 'Not recorded',
    step: {
      records: 'Records',
      consent: 'Agreed to contact',
      invited: 'Invited',
      joined: 'Joined',
      active: 'Active (last 30 days of the period)',
    } satisfies Record<FunnelStep, string>,
    source: { staff: 'Invited by HR', referral: 'Member referral', join_request: 'Join request' },
    invited: 'invited',
    joined: 'joined',
    joinRequests: 'Join requests received',
    memberReferrals: 'Referrals by members received',
    by: {
      leftYear: 'Leaving year',
      department: 'Last department',
      leaveReason: 'Leave reason',
    } satisfies Record<CohortDimension, string>,
    reason: {
      career_change: 'Moved to another company',
      career_up: 'Career step up',
      independence: 'Started a business',
      study: 'Study abroad',
      childcare: 'Childcare',
      caregiving: 'Caregiving',
      relocation: "Partner's transfer",
      health: 'Health',
      retirement: 'Retirement',
      contract_end: 'End of contract',
      other: 'Other',
    } satisfies Record<LeaveReason, string>,
    cohort: 'Cohort',
  },
} as const;

/**
 * The funnel as the screen shows it, one CSV row per figure. Hidden counts are written as the words
 * (5人未満), never as numbers, so the file holds nothing the dashboard does not.
 */
export function funnelRows(funnel: Funnel, locale: Locale): SpreadsheetRow[] {
  const say = words[locale];
  const count = (value: PeopleCount) => peopleCell(value, locale);
  const share = shareCell;
  const rows: SpreadsheetRow[] = funnel.steps.map((step) => ({
    cells: [
      say.funnel,
      say.step[step.step],
      count(step.current),
      count(step.previous),
      share(step.conversion.current),
      share(step.conversion.previous),
    ],
  }));
  if (funnel.breakdown) {
    const by = funnel.breakdown.by;
    for (const row of funnel.breakdown.rows) {
      const name =
        row.cohort === null
          ? say.none
          : by === 'leaveReason'
            ? (say.reason[row.cohort as LeaveReason] ?? row.cohort)
            : row.cohort;
      for (const step of Object.keys(say.step) as FunnelStep[])
        rows.push({
          cells: [
            `${say.by[by]}: ${name}`,
            say.step[step],
            count(row.current[step]),
            count(row.previous[step]),
            null,
            null,
          ],
        });
    }
  }
  for (const source of funnel.sources) {
    rows.push({
      cells: [
        say.sources,
        `${say.source[source.source]} (${say.invited})`,
        count(source.invited.current),
        count(source.invited.previous),
        null,
        null,
      ],
    });
    rows.push({
      cells: [
        say.sources,
        `${say.source[source.source]} (${say.joined})`,
        count(source.joined.current),
        count(source.joined.previous),
        null,
        null,
      ],
    });
  }
  rows.push({
    cells: [
      say.requests,
      say.joinRequests,
      count(funnel.requests.joinRequests.current),
      count(funnel.requests.joinRequests.previous),
      null,
      null,
    ],
  });
  rows.push({
    cells: [
      say.requests,
      say.memberReferrals,
      count(funnel.requests.memberReferrals.current),
      count(funnel.requests.memberReferrals.previous),
      null,
      null,
    ],
  });
  return rows;
}

export async function exportFunnel(
  ctx: TenantServiceContext,
  query: FunnelQuery,
  periods: Periods,
  options: OutcomeCsvOptions,
) {
  const funnel = await loadFunnel(ctx, query, periods);
  return writeOutcomeCsv(ctx, {
    section: 'funnel',
    periods,
    columns: words[options.locale].columns,
    rows: funnelRows(funnel, options.locale),
    encoding: options.encoding,
    audit: cohortOf(query),
  });
}

/** The cohort filter as the audit log keeps it. */
export function cohortOf(query: FunnelQuery) {
  const cohort: Record<string, string | number> = {};
  if (query.leftYear !== undefined) cohort.leftYear = query.leftYear;
  if (query.department !== undefined) cohort.department = query.department;
  if (query.leaveReason !== undefined) cohort.leaveReason = query.leaveReason;
  if (query.by !== undefined) cohort.by = query.by;
  return cohort;
}
