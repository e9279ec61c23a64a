import { and, asc, eq, sql } from 'drizzle-orm';
import { eventRegistrations, memberships } from '../../db/schema/index.js';
import type { Locale } from '../../platform/i18n/messages.js';
import {
  type SpreadsheetEncoding,
  type SpreadsheetRow,
  writeSpreadsheetCsv,
} from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { waitlistPosition } from './list-events.js';
import { auditEvent, findEvent } from './write-events.js';

/** Every registration of an event for staff: confirmed and waitlisted in arrival order, then cancelled ones. */
export async function listRegistrations(ctx: TenantServiceContext, eventId: string) {
  const event = await findEvent(ctx, eventId);
  const rows = await ctx.tx
    .select({
      registration: eventRegistrations,
      member: { id: memberships.id, displayName: memberships.displayName },
      waitlistPosition,
    })
    .from(eventRegistrations)
    .innerJoin(
      memberships,
      and(
        eq(memberships.tenantId, eventRegistrations.tenantId),
        eq(memberships.id, eventRegistrations.memberId),
      ),
    )
    .where(and(eq(eventRegistrations.tenantId, ctx.tenant.id), eq(eventRegistrations.eventId, eventId)))
    .orderBy(sql`event_registrations.status = 'cancelled'`, asc(eventRegistrations.seq));
  return { event, rows };
}

const words = {
  ja: {
    headers: ['氏名', '状態', '参加方法', 'キャンセル待ち順', '受付番号', '出席', '申込日時', '取消日時'],
    status: { confirmed: '参加確定', waitlisted: 'キャンセル待ち', cancelled: '取消' },
    mode: { online: 'オンライン', in_person: '会場' },
    yes: '出席',
  },
  en: {
    headers: [
      'Name',
      'Status',
      'Taking part',
      'Waitlist position',
      'Code',
      'Attended',
      'Registered at',
      'Cancelled at',
    ],
    status: { confirmed: 'Confirmed', waitlisted: 'Waitlisted', cancelled: 'Cancelled' },
    mode: { online: 'Online', in_person: 'In person' },
    yes: 'Attended',
  },
} as const;

/** The registrations as a spreadsheet with each question's answer (platform/spreadsheet: formula-safe, UTF-8 BOM or CP932); audited. */
export async function exportRegistrations(
  ctx: TenantServiceContext,
  eventId: string,
  input: { encoding: SpreadsheetEncoding; locale: Locale },
) {
  const { event, rows } = await listRegistrations(ctx, eventId);
  const w = words[input.locale];
  async function* lines(): AsyncGenerator<SpreadsheetRow> {
    for (const { registration, member, waitlistPosition: position } of rows) {
      yield {
        ref: member.displayName,
        cells: [
          member.displayName,
          w.status[registration.status],
          w.mode[registration.mode],
          position === null ? '' : String(position),
          registration.checkInCode,
          registration.attendedAt ? w.yes : '',
          registration.createdAt.toISOString(),
          registration.cancelledAt?.toISOString() ?? '',
          ...event.questions.map((question) => registration.answers[question.id] ?? ''),
        ],
      };
    }
  }
  const file = await writeSpreadsheetCsv({
    columns: [...w.headers, ...event.questions.map((question) => question.label)],
    rows: lines(),
    encoding: input.encoding,
  });
  await auditEvent(ctx, 'event.registrations_exported', eventId, {
    rows: file.summary.rows,
    encoding: input.encoding,
  });
  return { file, event };
}
