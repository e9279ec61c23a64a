import { recordAudit } from '../../platform/audit.js';
import type { Locale } from '../../platform/i18n/messages.js';
import {
  type SpreadsheetEncoding,
  writeSpreadsheetCsv,
} from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { loadSurvey } from './load-survey.js';
import { loadSubmittedResponses } from './survey-results.js';

const headings = {
  ja: { day: '回答日', respondent: '回答者', separator: '、' },
  en: { day: 'Answered on', respondent: 'Respondent', separator: '; ' },
} as const;

/**
 * One row per submitted response, one column per question in the staff member's language; choices as
 * their wording. An anonymous survey's file has no respondent column (there is nobody to name).
 */
export async function exportSurvey(
  ctx: TenantServiceContext,
  id: string,
  options: { encoding: SpreadsheetEncoding; locale: Locale },
) {
  const survey = await loadSurvey(ctx, id);
  const rows = await loadSubmittedResponses(ctx, survey);
  const words = headings[options.locale];
  const say = (wording: { ja: string; en: string }) =>
    options.locale === 'en' && wording.en !== '' ? wording.en : wording.ja;
  const named = survey.anonymity === 'named';
  const columns = [
    words.day,
    ...(named ? [words.respondent] : []),
    ...survey.questions.map((question) => say(question.text)),
  ];
  const file = await writeSpreadsheetCsv({
    columns,
    encoding: options.encoding,
    rows: rows.map((row) => ({
      cells: [
        row.submittedOn,
        ...(named ? [row.respondent] : []),
        ...survey.questions.map((question) => {
          const value = row.answers[question.id];
          if (value === undefined) return null;
          if (typeof value === 'number') return value;
          const labels = new Map(question.options.map((option) => [option.id, say(option.label)]));
          if (Array.isArray(value)) return value.map((key) => labels.get(key) ?? key).join(words.separator);
          return labels.get(value) ?? value;
        }),
      ],
    })),
  });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'survey.exported',
    targetType: 'survey',
    targetId: survey.id,
    data: { rows: file.summary.rows, encoding: options.encoding },
    ipAddress: ctx.ipAddress,
  });
  return file;
}
