import type { Queryable } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Locale } from '../../platform/i18n/messages.js';
import {
  type SpreadsheetEncoding,
  type SpreadsheetRow,
  writeSpreadsheetCsv,
} from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import { listCustomFields } from './custom-fields.js';
import { listRecords } from './record-query.js';
import type { RecordRow } from './record-values.js';
import type { RecordFilter } from './schemas.js';
import { fileWords } from './vocabulary.js';

export const exportColumns = [
  'employeeNumber',
  'fullName',
  'fullNameKana',
  'formerNames',
  'email',
  'phone',
  'joinedOn',
  'leftOn',
  'lastDepartment',
  'lastTitle',
  'leaveReason',
  'wouldReturn',
  'eligibility',
  'contactConsent',
  'status',
  'hrTags',
  'hrNotes',
] as const;
export type ExportColumn = (typeof exportColumns)[number];

// Headers and values are the ones the import reads, so an export can be edited in Excel and imported back.
const headers: Record<Locale, Record<ExportColumn, string>> = {
  ja: {
    employeeNumber: '社員番号',
    fullName: '氏名',
    fullNameKana: '氏名（フリガナ）',
    formerNames: '旧姓・通称',
    email: '個人メールアドレス',
    phone: '携帯電話番号',
    joinedOn: '入社年月日',
    leftOn: '退職年月日',
    lastDepartment: '最終所属',
    lastTitle: '最終役職',
    leaveReason: '退職理由',
    wouldReturn: '再入社希望',
    eligibility: '再雇用可否',
    contactConsent: '会社情報の案内希望',
    status: '状態',
    hrTags: 'タグ',
    hrNotes: '備考',
  },
  en: {
    employeeNumber: 'Employee number',
    fullName: 'Name',
    fullNameKana: 'Reading',
    formerNames: 'Former name',
    email: 'Personal email',
    phone: 'Phone',
    joinedOn: 'Join date',
    leftOn: 'Leave date',
    lastDepartment: 'Last department',
    lastTitle: 'Last title',
    leaveReason: 'Leave reason',
    wouldReturn: 'Would return',
    eligibility: 'Rehire eligibility',
    contactConsent: 'Contact consent',
    status: 'Status',
    hrTags: 'Tags',
    hrNotes: 'Notes',
  },
};

const statusWords: Record<Locale, Record<string, string>> = {
  ja: { record: '記録のみ', invited: '招待済み', joined: '参加済み', declined: '辞退', excluded: '除外' },
  en: { record: 'record', invited: 'invited', joined: 'joined', declined: 'declined', excluded: 'excluded' },
};

function cell(record: RecordRow, column: ExportColumn, locale: Locale): string {
  const label = (kind: keyof (typeof fileWords)['ja'] | 'status', value: string | null) => {
    if (!value) return '';
    const words: Partial<Record<string, string>> =
      kind === 'status' ? statusWords[locale] : fileWords[locale][kind];
    return words[value] ?? value;
  };
  switch (column) {
    case 'fullName':
      return [record.familyName, record.givenName].filter(Boolean).join(' ');
    case 'fullNameKana':
      return [record.familyNameKana, record.givenNameKana].filter(Boolean).join(' ');
    case 'formerNames':
      return record.formerNames.join('、');
    case 'email':
      return record.emails[0] ?? '';
    case 'hrTags':
      return record.hrTags.join('、');
    case 'leaveReason':
    case 'wouldReturn':
    case 'eligibility':
    case 'contactConsent':
    case 'status':
      return label(column, record[column]);
    default:
      return record[column] ?? '';
  }
}

/**
 * The chosen columns of every record the filter matches, as a spreadsheet file (see
 * platform/spreadsheet: formula injection guarded; in CP932, letters it cannot hold written as 〓 and
 * listed in the summary). The export is audited with what the summary says.
 */
export async function exportRecords(
  ctx: { tx: Queryable; tenant: { id: string }; actor: { membershipId: string | null }; ipAddress: string },
  input: {
    filter: RecordFilter;
    columns: ExportColumn[];
    customColumns?: string[];
    encoding: SpreadsheetEncoding;
    locale: Locale;
    segmentName?: string;
  },
) {
  const fields = (await listCustomFields(ctx)).filter((f) => input.customColumns?.includes(f.key));
  async function* rows(): AsyncGenerator<SpreadsheetRow> {
    let cursor: string | undefined;
    do {
      const page = await listRecords(ctx.tx, ctx.tenant.id, {
        filter: input.filter,
        sort: 'reading',
        cursor,
        limit: 1000,
      });
      for (const record of page.records) {
        const name = `${record.familyName} ${record.givenName}`.trim();
        yield {
          ref: [record.employeeNumber, name].filter(Boolean).join(' '),
          cells: [
            ...input.columns.map((column) => cell(record, column, input.locale)),
            ...fields.map((f) => record.customFields[f.key] ?? null),
          ],
        };
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const file = await writeSpreadsheetCsv({
    columns: [...input.columns.map((c) => headers[input.locale][c]), ...fields.map((f) => f.label)],
    rows: rows(),
    encoding: input.encoding,
  });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'registry.exported',
    targetType: 'alumni_record',
    data: {
      rows: file.summary.rows,
      encoding: input.encoding,
      columns: [...input.columns, ...fields.map((f) => f.key)],
      filter: input.filter,
      formulaCellsGuarded: file.summary.formulaCellsGuarded,
      unencodableCells: file.summary.unencodable.length,
      ...(input.segmentName ? { segment: input.segmentName } : {}),
    },
    ipAddress: ctx.ipAddress,
  });
  return file;
}
