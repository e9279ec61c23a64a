import { and, asc, desc, eq, getTableColumns, gte, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type KeysetKey, keysetAfter } from '../../db/keyset.js';
import {
  type OpportunityKind,
  opportunities,
  opportunityInterestFiles,
  opportunityInterests,
} from '../../db/schema/index.js';
import { invalid } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { todayInTokyo } from './dates.js';
import { fileOfInterest, interestFileMeta } from './interest-file-rows.js';
import { keepMeantForMember } from './opportunity-audience.js';
import type { OpportunityRow } from './write-opportunities.js';

/** Every opportunity of the network for the console, newest first, with its candidates counted. */
export async function listStaffOpportunities(ctx: TenantServiceContext) {
  return ctx.tx
    .select({
      opportunity: opportunities,
      total: sql<number>`count(${opportunityInterests.id})::int`,
      active: sql<number>`(count(${opportunityInterests.id}) filter (where ${opportunityInterests.withdrawnAt} is null
        and ${opportunityInterests.stage} not in ('hired', 'not_selected', 'declined')))::int`,
    })
    .from(opportunities)
    .leftJoin(
      opportunityInterests,
      and(
        eq(opportunityInterests.tenantId, opportunities.tenantId),
        eq(opportunityInterests.opportunityId, opportunities.id),
      ),
    )
    .where(eq(opportunities.tenantId, ctx.tenant.id))
    .groupBy(opportunities.tenantId, opportunities.id)
    .orderBy(desc(opportunities.createdAt), desc(opportunities.id));
}

/** Counts for one opportunity, as in the list. */
export async function countCandidates(ctx: TenantServiceContext, opportunityId: string) {
  const [row] = await ctx.tx
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${opportunityInterests.withdrawnAt} is null
        and ${opportunityInterests.stage} not in ('hired', 'not_selected', 'declined')))::int`,
    })
    .from(opportunityInterests)
    .where(
      and(
        eq(opportunityInterests.tenantId, ctx.tenant.id),
        eq(opportunityInterests.opportunityId, opportunityId),
      ),
    );
  return row ?? { total: 0, active: 0 };
}

/** Open and not past its closing date (Japan time): what members may see and answer. */
export function isOpenForMembers(today = todayInTokyo()): SQL {
  return and(
    eq(opportunities.status, 'open'),
    or(isNull(opportunities.closesOn), gte(opportunities.closesOn, today)),
  )!;
}

/** What the member's list shows of an opportunity: everything but the text, which only its page needs. */
const { body: _body, bodyHtml: _bodyHtml, ...listedColumns } = getTableColumns(opportunities);
export type ListedOpportunity = Omit<OpportunityRow, 'body' | 'bodyHtml'>;

type MemberListQuery = {
  kind?: OpportunityKind | undefined;
  sort: 'newest' | 'closing';
  cursor?: string | undefined;
  limit: number;
};

/**
 * The open opportunities a member may see, a page at a time, with the member's own answer (never
 * anyone else's). newest: most recently opened first; closing: those with a closing date, soonest
 * first, then the rest. Pages are read in order in batches; those meant for others are skipped and
 * further batches read until the page is full, so a page costs about one batch however many there are.
 */
export async function listMemberOpportunities(ctx: TenantServiceContext, query: MemberListQuery) {
  const filters = [eq(opportunities.tenantId, ctx.tenant.id), isOpenForMembers()];
  if (query.kind) filters.push(eq(opportunities.kind, query.kind));
  const order =
    query.sort === 'closing'
      ? [
          sql`${opportunities.closesOn} asc nulls last`,
          sql`${opportunities.openedAt} desc nulls first`,
          asc(opportunities.id),
        ]
      : [sql`${opportunities.openedAt} desc nulls first`, asc(opportunities.id)];
  let position = readPosition(query.cursor);
  const batch = Math.max(query.limit * 2, 20);
  const kept: Awaited<ReturnType<typeof readBatch>> = [];
  for (;;) {
    const where = position ? and(...filters, keysetAfter(keysOf(query.sort, position))) : and(...filters);
    const rows = await readBatch(ctx, where, order, batch);
    // Answers already given stay visible to their author, whoever the opportunity is meant for now.
    const meant = new Set(
      (
        await keepMeantForMember(
          ctx,
          rows.filter((row) => !row.interest),
        )
      ).map((row) => row.opportunity.id),
    );
    for (const row of rows) {
      if (row.interest || meant.has(row.opportunity.id)) kept.push(row);
      if (kept.length > query.limit) break;
    }
    const last = rows.at(-1);
    if (kept.length > query.limit || rows.length < batch || !last) break;
    position = positionOf(last.opportunity);
  }
  const items = kept.slice(0, query.limit);
  const lastItem = items.at(-1);
  return {
    items,
    nextCursor:
      kept.length > query.limit && lastItem
        ? encodeCursor(cursorValues(positionOf(lastItem.opportunity)))
        : null,
  };
}

function readBatch(ctx: TenantServiceContext, where: SQL | undefined, order: SQL[], batch: number) {
  return ctx.tx
    .select({ opportunity: listedColumns, interest: opportunityInterests, file: interestFileMeta })
    .from(opportunities)
    .leftJoin(
      opportunityInterests,
      and(
        eq(opportunityInterests.tenantId, opportunities.tenantId),
        eq(opportunityInterests.opportunityId, opportunities.id),
        eq(opportunityInterests.membershipId, ctx.actor.membershipId),
      ),
    )
    .leftJoin(opportunityInterestFiles, fileOfInterest)
    .where(where)
    .orderBy(...order)
    .limit(batch);
}

type Position = { closesOn: string | null; openedAt: Date | null; id: string };

const positionOf = (row: ListedOpportunity): Position => ({
  closesOn: row.closesOn,
  openedAt: row.openedAt,
  id: row.id,
});

// A cursor carries the three keys whatever the order; '' stands for a null.
const cursorValues = (position: Position) => [
  position.closesOn ?? '',
  position.openedAt?.toISOString() ?? '',
  position.id,
];

function readPosition(cursor: string | undefined): Position | null {
  const values = decodeCursor(cursor, 3);
  if (!values) return null;
  const [closesOn, openedAt, id] = values.map(String) as [string, string, string];
  const wellFormed =
    (closesOn === '' || /^\d{4}-\d{2}-\d{2}$/.test(closesOn)) &&
    (openedAt === '' || !Number.isNaN(Date.parse(openedAt))) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  if (!wellFormed) throw invalid([{ path: 'cursor', code: 'field_invalid_format' }]);
  return { closesOn: closesOn || null, openedAt: openedAt ? new Date(openedAt) : null, id };
}

function keysOf(sort: MemberListQuery['sort'], position: Position): KeysetKey[] {
  const opened: KeysetKey = {
    column: sql`${opportunities.openedAt}`,
    direction: 'desc',
    nulls: 'first',
    value: position.openedAt ? sql`${position.openedAt.toISOString()}::timestamptz` : null,
  };
  const id: KeysetKey = {
    column: sql`${opportunities.id}`,
    direction: 'asc',
    nulls: 'last',
    value: sql`${position.id}::uuid`,
  };
  if (sort === 'newest') return [opened, id];
  const closes: KeysetKey = {
    column: sql`${opportunities.closesOn}`,
    direction: 'asc',
    nulls: 'last',
    value: position.closesOn ? sql`${position.closesOn}::date` : null,
  };
  return [closes, opened, id];
}
