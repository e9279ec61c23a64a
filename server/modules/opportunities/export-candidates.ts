import type { CandidateStage } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { Locale } from '../../platform/i18n/messages.js';
import {
  type SpreadsheetEncoding,
  type SpreadsheetRow,
  writeSpreadsheetCsv,
} from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { listCandidates } from './candidates.js';

export const stageWords: Record<Locale, Record<CandidateStage, string>> = {
  ja: {
    interested: '関心あり',
    scheduling: '面談調整',
    selection: '選考中',
    offer: '内定',
    hired: '入社',
    not_selected: '見送り',
    declined: '辞退',
  },
  en: {
    interested: 'Interested',
    scheduling: 'Arranging a meeting',
    selection: 'In selection',
    offer: 'Offer made',
    hired: 'Hired',
    not_selected: 'Not selected',
    declined: 'Declined',
  },
};

const headers: Record<Locale, string[]> = {
  ja: [
    '募集',
    '氏名（メンバー名）',
    '名簿の氏名',
    '段階',
    '取り下げ',
    '担当者',
    'メッセージ',
    'リンク',
    '人事メモ',
    'ご本人への表示',
    '応募日時',
    '段階の更新日時',
    '再入社日',
  ],
  en: [
    'Opportunity',
    'Member',
    'Name in the registry',
    'Stage',
    'Withdrawn',
    'Owner',
    'Message',
    'Link',
    'HR notes',
    'Shown to the member',
    'Answered at',
    'Stage changed at',
    'Return date',
  ],
};

/** The pipeline as a spreadsheet (platform/spreadsheet: formula-safe, UTF-8 with BOM or CP932); audited. */
export async function exportCandidates(
  ctx: TenantServiceContext,
  input: {
    opportunity?: string | undefined;
    stage?: CandidateStage | undefined;
    encoding: SpreadsheetEncoding;
    locale: Locale;
  },
) {
  const candidates = await listCandidates(ctx, input);
  const yes = input.locale === 'ja' ? 'はい' : 'yes';
  async function* rows(): AsyncGenerator<SpreadsheetRow> {
    for (const { interest, opportunity, member, owner, record } of candidates) {
      yield {
        ref: member.displayName,
        cells: [
          opportunity.title,
          member.displayName,
          record ? `${record.familyName} ${record.givenName}`.trim() : '',
          stageWords[input.locale][interest.stage],
          interest.withdrawnAt ? yes : '',
          owner?.displayName ?? '',
          interest.message,
          interest.link ?? '',
          interest.hrNotes,
          interest.sharedStatus,
          interest.createdAt.toISOString(),
          interest.stageChangedAt.toISOString(),
          record?.rehiredOn ?? '',
        ],
      };
    }
  }
  const file = await writeSpreadsheetCsv({
    columns: headers[input.locale],
    rows: rows(),
    encoding: input.encoding,
  });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'candidates.exported',
    targetType: 'opportunity_interest',
    data: {
      rows: file.summary.rows,
      encoding: input.encoding,
      ...(input.opportunity ? { opportunityId: input.opportunity } : {}),
      ...(input.stage ? { stage: input.stage } : {}),
    },
    ipAddress: ctx.ipAddress,
  });
  return file;
}
