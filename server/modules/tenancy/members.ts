import { and, asc, count, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import { accounts, memberProfiles, memberships, type Role } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuditAction } from '../../platform/audit-actions.js';
import { issueMagicLink } from '../../platform/auth/magic-link.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { staffInviteMail } from '../../platform/mail/templates.js';
import { refreshMemberSearch } from '../community/member-search.js';
import { findOrCreateAccount } from './create-tenant.js';
import { authorizeRoleChange } from './policies.js';
import type { TenantServiceContext } from './tenant-context.js';

export type MemberContext = TenantServiceContext;

const memberColumns = {
  tenantId: memberships.tenantId,
  id: memberships.id,
  accountId: memberships.accountId,
  role: memberships.role,
  displayName: memberships.displayName,
  status: memberships.status,
  createdAt: memberships.createdAt,
  email: accounts.email,
  reading: memberProfiles.displayNameKana,
};

/** The member's profile, for its reading (none until they have one). */
const profileOf = and(
  eq(memberProfiles.tenantId, memberships.tenantId),
  eq(memberProfiles.membershipId, memberships.id),
);

export async function listMembers(
  ctx: MemberContext,
  query: { role?: Role | undefined; q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(query.cursor, 2);
  const conditions: (SQL | undefined)[] = [
    eq(memberships.tenantId, ctx.tenant.id),
    ne(memberships.status, 'removed'),
  ];
  if (query.role) conditions.push(eq(memberships.role, query.role));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(or(ilike(memberships.displayName, pattern), ilike(accounts.email, pattern)));
  }
  // 五十音順: the profile's reading sort key (kept from the reading, or the name when there is none);
  // members without a profile yet sort by their name after those with one.
  const sortKey = sql<string>`coalesce(nullif(${memberProfiles.readingKey}, ''), ${memberships.displayName})`;
  if (after) {
    const [key, id] = after as [string, string];
    conditions.push(sql`(${sortKey}, ${memberships.id}) > (${key}, ${id}::uuid)`);
  }
  const rows = await ctx.tx
    .select({ ...memberColumns, sortKey })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .leftJoin(memberProfiles, profileOf)
    .where(and(...conditions))
    .orderBy(asc(sortKey), asc(memberships.id))
    .limit(query.limit + 1);
  const { items, nextCursor } = pageOf(rows, query.limit, (row) => [row.sortKey, row.id]);
  return { members: items.map(({ sortKey: _, ...member }) => member), nextCursor };
}

export async function getMember(ctx: MemberContext, id: string) {
  const [row] = await ctx.tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .leftJoin(memberProfiles, profileOf)
    .where(
      and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, id), ne(memberships.status, 'removed')),
    );
  if (!row) throw notFound();
  return row;
}

export async function countMembersByRole(ctx: Pick<MemberContext, 'tx' | 'tenant'>) {
  const rows = await ctx.tx
    .select({ role: memberships.role, count: count() })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.status, 'active')))
    .groupBy(memberships.role);
  return Object.fromEntries(rows.map((row) => [row.role, Number(row.count)])) as Partial<
    Record<Role, number>
  >;
}

/** Adds a person (usually staff) and e-mails them a sign-in link into this network. */
export async function addMember(
  ctx: MemberContext,
  input: { email: string; displayName: string; role: Role },
) {
  authorizeRoleChange(ctx.actor, null, input.role);
  refuseEmployeesUnlessAllowed(ctx, input.role);
  const account = await findOrCreateAccount(ctx.tx, input);
  const [existing] = await ctx.tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.accountId, account.id)));
  if (existing && existing.status !== 'removed') throw conflict('member_exists');
  const values = { role: input.role, displayName: input.displayName, status: 'active' as const };
  const [member] = existing
    ? await ctx.tx
        .update(memberships)
        .set(values)
        .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, existing.id)))
        .returning()
    : await ctx.tx
        .insert(memberships)
        .values({ tenantId: ctx.tenant.id, accountId: account.id, ...values })
        .returning();
  const link = await issueMagicLink(ctx.deps, ctx.tx, {
    email: account.email,
    purpose: 'staff_invite',
    redirectTo: `/t/${ctx.tenant.slug}`,
  });
  const networkName = account.locale === 'ja' ? ctx.tenant.nameJa : ctx.tenant.nameEn;
  await queueMail(
    ctx.deps.jobs,
    ctx.tx,
    {
      to: account.email,
      ...staffInviteMail(account.locale, link, networkName, ctx.actor.displayName),
    },
    { lane: 'immediate' },
  );
  await audit(ctx, 'member.added', member!.id, { role: input.role });
  return getMember(ctx, member!.id);
}

export async function updateMember(
  ctx: MemberContext,
  id: string,
  input: {
    role?: Role | undefined;
    status?: 'active' | 'suspended' | undefined;
    displayName?: string | undefined;
  },
) {
  const current = await getMember(ctx, id);
  if (current.id === ctx.actor.membershipId && (input.role || input.status)) throw forbidden('self_change');
  if (input.role && input.role !== current.role) {
    authorizeRoleChange(ctx.actor, current.role, input.role);
    refuseEmployeesUnlessAllowed(ctx, input.role);
  }
  if (input.status) authorizeRoleChange(ctx.actor, current.role, current.role);
  if (current.role === 'owner' && ((input.role && input.role !== 'owner') || input.status === 'suspended')) {
    await ensureAnotherOwner(ctx, current.id);
  }
  const [updated] = await ctx.tx
    .update(memberships)
    .set(input)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, id)))
    .returning();
  // The directory finds members by the name shown; an admin's rename must reach it too.
  if (input.displayName !== undefined && input.displayName !== current.displayName) {
    await refreshMemberSearch(ctx.tx, ctx.tenant.id, id);
  }
  await audit(ctx, 'member.updated', id, {
    before: { role: current.role, status: current.status },
    changes: input,
  });
  return { ...updated!, email: current.email, reading: current.reading };
}

/** Removal keeps the row (and so the audit trail that names it) but ends all access. */
export async function removeMember(ctx: MemberContext, id: string) {
  const current = await getMember(ctx, id);
  if (current.id === ctx.actor.membershipId) throw forbidden('self_change');
  authorizeRoleChange(ctx.actor, current.role, null);
  if (current.role === 'owner') await ensureAnotherOwner(ctx, current.id);
  await ctx.tx
    .update(memberships)
    .set({ status: 'removed' })
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, id)));
  await audit(ctx, 'member.removed', id, { role: current.role });
}

async function ensureAnotherOwner(ctx: MemberContext, leavingId: string) {
  const owners = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, ctx.tenant.id),
        eq(memberships.role, 'owner'),
        eq(memberships.status, 'active'),
        ne(memberships.id, leavingId),
      ),
    );
  if (owners.length === 0) throw conflict('last_owner');
}

function audit(ctx: MemberContext, action: AuditAction, targetId: string, data: Record<string, unknown>) {
  return recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action,
    targetType: 'membership',
    targetId,
    data,
    ipAddress: ctx.ipAddress,
  });
}

/** Current employees join only networks whose owner allowed it in the settings. */
function refuseEmployeesUnlessAllowed(ctx: Pick<MemberContext, 'tenant'>, role: Role) {
  if (role === 'employee' && !ctx.tenant.settings.employeesMayJoin) {
    throw new AppError(422, 'employees_not_allowed');
  }
}
