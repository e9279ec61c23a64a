import type { Locale } from '../../platform/i18n/messages.js';
import type { SpreadsheetRow } from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { costPerHireOf } from './cost-per-hire.js';
import { type OutcomeCsvOptions, peopleCell, shareCell, writeOutcomeCsv } from './outcome-csv.js';
import { loadOutcomeFigures, type OutcomeFigures } from './outcome-figures.js';
import type { Periods } from './period.js';
import type { PeopleCount } from './privacy.js';

const words = {
  ja: {
    columns: ['項目', '今期間', '前期間'],
    rehires: '再入社（カムバック）',
    medianDays: '退職から再入社までの日数（中央値）',
    referred: 'メンバーによる候補者の紹介',
    referredHired: '紹介からの採用',
    collaborations: '協業の開始（契約）',
    eventsHeld: '開催したイベント',
    attendances: 'イベントへの参加（受付済み）',
    attendees: 'イベントに参加した人数',
    responses: 'アンケートの回答',
    linksSent: 'アンケート依頼メール',
    linkRate: '依頼メールからの回答率',
    scaleAverage: '評価（5 段階）の平均',
    nps: 'NPS',
    proposalsReceived: '提言の受付',
    proposalsAdopted: '提言の採用',
    perHire: '1 人あたりの採用コスト（円）',
    saved: '推定採用コスト削減額（円）',
    formula: '計算式',
  },
  en: {
    columns: ['Item', 'This period', 'Previous period'],
    rehires: 'Comebacks (rehired)',
    medianDays: 'Days from leaving to return (median)',
    referred: 'Candidates referred by members',
    referredHired: 'Hires from referrals',
    collaborations: 'Collaborations started (contracted)',
    eventsHeld: 'Events held',
    attendances: 'Event attendances (checked in)',
    attendees: 'People who attended events',
    responses: 'Survey responses',
    linksSent: 'Survey request e-mails',
    linkRate: 'Response rate to request e-mails',
    scaleAverage: 'Average rating (1–5)',
    nps: 'NPS',
    proposalsReceived: 'Proposals received',
    proposalsAdopted: 'Proposals adopted',
    perHire: 'Cost per hire (yen)',
    saved: 'Estimated hiring cost avoided (yen)',
    formula: 'Formula',
  },
} as const;

/** How the saving is worked out, in words: printed beside the figure and written into the file. */
export function formulaText(figures: OutcomeFigures, locale: Locale): string | null {
  const cost = figures.money.costPerHire;
  if (!cost) return null;
  const yen = (value: number) => value.toLocaleString('ja-JP');
  if (locale === 'ja')
    return cost.kind === 'fixed'
      ? `再入社人数 × 1 人あたりの採用コスト ${yen(cost.yen)} 円`
      : `再入社人数 × 年収 ${yen(cost.annualSalaryYen)} 円 × 紹介手数料 ${cost.percent}%（= ${yen(figures.money.perHireYen ?? 0)} 円）`;
  return cost.kind === 'fixed'
    ? `Comebacks × cost per hire ¥${yen(cost.yen)}`
    : `Comebacks × annual salary ¥${yen(cost.annualSalaryYen)} × agency fee ${cost.percent}% (= ¥${yen(figures.money.perHireYen ?? 0)})`;
}

export function outcomeRows(figures: OutcomeFigures, locale: Locale): SpreadsheetRow[] {
  const say = words[locale];
  const count = (pair: { current: PeopleCount; previous: PeopleCount }) =>
    [peopleCell(pair.current, locale), peopleCell(pair.previous, locale)] as const;
  const plain = (pair: { current: number | null; previous: number | null }) =>
    [pair.current, pair.previous] as const;
  const rate = (pair: { current: number | null; previous: number | null }) =>
    [shareCell(pair.current), shareCell(pair.previous)] as const;
  const rows: (readonly [string, ...(string | number | null)[]])[] = [
    [say.rehires, ...count(figures.rehires.count)],
    [say.medianDays, ...plain(figures.rehires.medianDaysToReturn)],
    [say.referred, ...count(figures.referrals.referred)],
    [say.referredHired, ...count(figures.referrals.hired)],
    [say.collaborations, ...count(figures.collaborations)],
    [say.eventsHeld, ...plain(figures.events.held)],
    [say.attendances, ...count(figures.events.attendances)],
    [say.attendees, ...count(figures.events.attendees)],
    [say.responses, ...count(figures.surveys.responses)],
    [say.linksSent, ...count(figures.surveys.linksSent)],
    [say.linkRate, ...rate(figures.surveys.linkResponseRate)],
    [say.scaleAverage, ...plain(figures.surveys.scaleAverage)],
    [say.nps, ...plain(figures.surveys.nps)],
    [say.proposalsReceived, ...plain(figures.proposals.received)],
    [say.proposalsAdopted, ...plain(figures.proposals.adopted)],
  ];
  if (figures.money.perHireYen !== null) {
    rows.push([say.perHire, figures.money.perHireYen, figures.money.perHireYen]);
    rows.push([say.saved, ...plain(figures.money.savedYen)]);
    rows.push([say.formula, formulaText(figures, locale), null]);
  }
  return rows.map((cells) => ({ cells }));
}

export async function exportOutcomes(
  ctx: TenantServiceContext,
  periods: Periods,
  options: OutcomeCsvOptions,
) {
  const figures = await loadOutcomeFigures(ctx, periods, costPerHireOf(ctx.tenant.settings));
  return writeOutcomeCsv(ctx, {
    section: 'outcomes',
    periods,
    columns: words[options.locale].columns,
    rows: outcomeRows(figures, options.locale),
    encoding: options.encoding,
  });
}
