import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { type ProposalStatus, proposalStatuses, proposals } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/messages.js';
import {
  type SpreadsheetEncoding,
  writeSpreadsheetCsv,
} from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import { notify } from '../community/notifications/notify.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { ProposalTriage } from './proposal-schemas.js';
import { type ProposalRow, readProposals } from './read-proposals.js';

/** Every proposal (or those in one status), newest first, with how many are in each status. */
export async function listStaffProposals(ctx: TenantServiceContext, status: ProposalStatus | undefined) {
  const rows = await readProposals(ctx, status ? eq(proposals.status, status) : undefined);
  const counted = await ctx.tx
    .select({ status: proposals.status, count: sql<number>`count(*)::int` })
    .from(proposals)
    .where(eq(proposals.tenantId, ctx.tenant.id))
    .groupBy(proposals.status);
  const counts = Object.fromEntries(proposalStatuses.map((s) => [s, 0])) as Record<ProposalStatus, number>;
  for (const row of counted) counts[row.status] = row.count;
  return { rows, counts };
}

export async function getStaffProposal(ctx: TenantServiceContext, id: string): Promise<ProposalRow> {
  const [row] = await readProposals(ctx, eq(proposals.id, id), 1);
  if (!row) throw notFound();
  return row;
}

/**
 * Staff move a proposal on: its status, whether members see it, the answer and internal notes. A
 * sender who wrote by name is told when the status or the answer changes; an anonymous one sees it
 * in their own list (nothing leads to them to notify).
 */
export async function triageProposal(
  ctx: TenantServiceContext,
  id: string,
  input: ProposalTriage,
): Promise<ProposalRow> {
  const [before] = await ctx.tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.tenantId, ctx.tenant.id), eq(proposals.id, id)))
    .for('update');
  if (!before) throw notFound();
  const replyChanged = input.publicReply !== undefined && input.publicReply !== before.publicReply;
  const statusChanged = input.status !== undefined && input.status !== before.status;
  await ctx.tx
    .update(proposals)
    .set({
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.public !== undefined ? { isPublic: input.public } : {}),
      ...(input.internalNotes !== undefined ? { internalNotes: input.internalNotes } : {}),
      ...(replyChanged
        ? { publicReply: input.publicReply, repliedAt: input.publicReply ? new Date() : null }
        : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(proposals.tenantId, ctx.tenant.id), eq(proposals.id, id)));
  const after = await getStaffProposal(ctx, id);
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'proposal.updated',
    targetType: 'proposal',
    targetId: id,
    // What changed, never the texts themselves (notes are internal, the answer is on the proposal).
    data: {
      ...(statusChanged ? { status: [before.status, after.status] } : {}),
      ...(input.public !== undefined && input.public !== before.isPublic ? { public: after.isPublic } : {}),
      ...(replyChanged ? { replied: after.publicReply !== '' } : {}),
      ...(input.internalNotes !== undefined && input.internalNotes !== before.internalNotes
        ? { notes: true }
        : {}),
    },
    ipAddress: ctx.ipAddress,
  });
  if (after.authorId && (statusChanged || (replyChanged && after.publicReply !== ''))) {
    await notify(ctx, [
      {
        recipientId: after.authorId,
        kind: 'proposal_answered',
        targetType: 'proposal',
        targetId: id,
        data: { title: after.title, status: after.status },
      },
    ]);
  }
  return after;
}

const words = {
  ja: {
    columns: ['受付日', '件名', '内容', '区分', '状態', '公開', '賛同数', '会社からの回答', '送信者'],
    status: { received: '受付', reviewing: '検討中', adopted: '採用', declined: '見送り' },
    category: {
      community: 'コミュニティ',
      workplace: '働き方・制度',
      business: '事業・サービス',
      other: 'その他',
    },
    yes: '公開',
    no: '非公開',
    anonymous: '匿名',
  },
  en: {
    columns: ['Received', 'Title', 'Text', 'Category', 'Status', 'Public', 'Supporters', 'Answer', 'Sender'],
    status: { received: 'Received', reviewing: 'Under review', adopted: 'Adopted', declined: 'Not adopted' },
    category: {
      community: 'Community',
      workplace: 'Work and policies',
      business: 'Business and services',
      other: 'Other',
    },
    yes: 'Public',
    no: 'Not public',
    anonymous: 'Anonymous',
  },
} as const;

/** Japan time: a month's proposals are those received from its first day 00:00 JST. */
const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1) - 9 * 3600_000);

/**
 * The month's proposals as a CSV to share inside the company (a monthly summary). Internal notes stay
 * out of it; senders are named only where they wrote by name.
 */
export async function exportProposals(
  ctx: TenantServiceContext,
  options: { month: string; encoding: SpreadsheetEncoding; locale: Locale },
) {
  const [year, month] = options.month.split('-').map(Number) as [number, number];
  const rows = await readProposals(
    ctx,
    and(
      gte(proposals.createdAt, monthStart(year, month)),
      lt(proposals.createdAt, monthStart(year, month + 1)),
    ),
    10_000,
  );
  const say = words[options.locale];
  const day = (date: Date) => new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  const file = await writeSpreadsheetCsv({
    columns: [...say.columns],
    encoding: options.encoding,
    rows: rows.reverse().map((row) => ({
      cells: [
        day(row.createdAt),
        row.title,
        row.body,
        row.category ? say.category[row.category] : null,
        say.status[row.status],
        row.isPublic ? say.yes : say.no,
        row.supports,
        row.publicReply || null,
        row.authorName ?? say.anonymous,
      ],
    })),
  });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'proposals.exported',
    targetType: 'tenant',
    targetId: ctx.tenant.id,
    data: { month: options.month, rows: file.summary.rows, encoding: options.encoding },
    ipAddress: ctx.ipAddress,
  });
  return file;
}
