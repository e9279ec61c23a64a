import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { qualified } from '../../../db/qualified.js';
import { conversations, memberProfiles, memberships, messages } from '../../../db/schema/index.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { isStaff } from '../../tenancy/policies.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { isBlockedBetween, notBlockedWith } from '../blocks.js';
import { notify, snippet } from '../notifications/notify.js';

export type ConversationRow = typeof conversations.$inferSelect;

/** Which side of a conversation the viewer is on; null when it is not theirs to read. */
export function sideOf(ctx: TenantServiceContext, conversation: ConversationRow): 'a' | 'b' | null {
  if (conversation.memberA === ctx.actor.membershipId) return 'a';
  if (conversation.kind === 'direct' && conversation.memberB === ctx.actor.membershipId) return 'b';
  // Company threads are the staff's shared inbox: any owner or HR admin answers for the company.
  if (conversation.kind === 'company' && isStaff(ctx.actor)) return 'b';
  return null;
}

async function activeMember(ctx: TenantServiceContext, membershipId: string) {
  const [row] = await ctx.tx
    .select({ membership: memberships, profile: memberProfiles })
    .from(memberships)
    .leftJoin(
      memberProfiles,
      and(eq(memberProfiles.tenantId, memberships.tenantId), eq(memberProfiles.membershipId, memberships.id)),
    )
    .where(
      and(
        eq(memberships.tenantId, ctx.tenant.id),
        eq(memberships.id, membershipId),
        eq(memberships.status, 'active'),
      ),
    );
  return row ?? null;
}

/**
 * The direct conversation with another member, started if need be. Refused (as not found, so nothing
 * is revealed) when either has blocked the other or the other does not accept messages.
 */
export async function openDirectConversation(ctx: TenantServiceContext, otherId: string) {
  const me = ctx.actor.membershipId;
  if (otherId === me) throw notFound();
  const other = await activeMember(ctx, otherId);
  if (!other || other.profile?.acceptsMessages === false) throw notFound();
  if (await isBlockedBetween(ctx.tx, ctx.tenant.id, me, otherId)) throw notFound();
  const [a, b] = me < otherId ? [me, otherId] : [otherId, me];
  await ctx.tx
    .insert(conversations)
    .values({ tenantId: ctx.tenant.id, kind: 'direct', memberA: a, memberB: b })
    .onConflictDoNothing();
  const [row] = await ctx.tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.tenantId, ctx.tenant.id),
        eq(conversations.kind, 'direct'),
        eq(conversations.memberA, a),
        eq(conversations.memberB, b),
      ),
    );
  return row!;
}

/**
 * A member's private thread with the company. Members open their own; staff may open one with a member
 * only when that member agreed to be contacted about jobs and collaboration.
 */
export async function openCompanyConversation(ctx: TenantServiceContext, memberId = ctx.actor.membershipId) {
  if (memberId !== ctx.actor.membershipId) {
    if (!isStaff(ctx.actor)) throw forbidden();
    const member = await activeMember(ctx, memberId);
    if (!member) throw notFound();
    if (!member.profile?.companyContact) throw new AppError(409, 'company_contact_not_allowed');
  }
  await ctx.tx
    .insert(conversations)
    .values({ tenantId: ctx.tenant.id, kind: 'company', memberA: memberId })
    .onConflictDoNothing();
  const [row] = await ctx.tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.tenantId, ctx.tenant.id),
        eq(conversations.kind, 'company'),
        eq(conversations.memberA, memberId),
      ),
    );
  return row!;
}

export async function loadConversation(ctx: TenantServiceContext, conversationId: string) {
  const [row] = await ctx.tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.tenantId, ctx.tenant.id), eq(conversations.id, conversationId)));
  if (!row) throw notFound();
  const side = sideOf(ctx, row);
  if (!side) throw notFound();
  if (row.kind === 'direct') {
    const other = side === 'a' ? row.memberB! : row.memberA;
    if (await isBlockedBetween(ctx.tx, ctx.tenant.id, ctx.actor.membershipId, other)) throw notFound();
  }
  return { conversation: row, side };
}

export async function sendMessage(ctx: TenantServiceContext, conversationId: string, body: string) {
  const { conversation, side } = await loadConversation(ctx, conversationId);
  const text = body.trim();
  if (!text) throw new AppError(422, 'post_empty');
  if (conversation.kind === 'direct') {
    const other = await activeMember(ctx, side === 'a' ? conversation.memberB! : conversation.memberA);
    if (!other || other.profile?.acceptsMessages === false) throw new AppError(409, 'member_blocked');
  }
  const now = new Date();
  const [message] = await ctx.tx
    .insert(messages)
    .values({
      tenantId: ctx.tenant.id,
      conversationId,
      senderId: ctx.actor.membershipId,
      body: text,
      createdAt: now,
    })
    .returning();
  await ctx.tx
    .update(conversations)
    .set({ lastMessageAt: now, ...(side === 'a' ? { aReadAt: now } : { bReadAt: now }) })
    .where(and(eq(conversations.tenantId, ctx.tenant.id), eq(conversations.id, conversationId)));
  // The company's side is told through its inbox; a member is told of a reply or a direct message.
  const recipientId =
    conversation.kind === 'direct'
      ? side === 'a'
        ? conversation.memberB!
        : conversation.memberA
      : side === 'b'
        ? conversation.memberA
        : null;
  if (recipientId) {
    await notify(ctx, [
      {
        recipientId,
        kind: conversation.kind === 'direct' ? 'message' : 'company_reply',
        targetType: 'conversation',
        targetId: conversationId,
        data: { snippet: snippet(text) },
      },
    ]);
  }
  return message!;
}

/** The messages of a conversation, oldest first; reading them marks the viewer's side as read. */
export async function readMessages(ctx: TenantServiceContext, conversationId: string) {
  const { conversation, side } = await loadConversation(ctx, conversationId);
  const rows = await ctx.tx
    .select({
      message: messages,
      sender: { id: memberships.id, displayName: memberships.displayName, role: memberships.role },
    })
    .from(messages)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, messages.tenantId), eq(memberships.id, messages.senderId)),
    )
    .where(and(eq(messages.tenantId, ctx.tenant.id), eq(messages.conversationId, conversationId)))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(500);
  const now = new Date();
  await ctx.tx
    .update(conversations)
    .set(side === 'a' ? { aReadAt: now } : { bReadAt: now })
    .where(and(eq(conversations.tenantId, ctx.tenant.id), eq(conversations.id, conversationId)));
  return { conversation, side, messages: rows };
}

const lastMessageBody = sql<
  string | null
>`(select case when lm.status = 'hidden' then '' else lm.body end from messages lm where lm.tenant_id = ${qualified(conversations.tenantId)}
  and lm.conversation_id = ${qualified(conversations.id)} order by lm.created_at desc limit 1)`;

const unreadFor = (side: 'a' | 'b'): SQL<boolean> => {
  const last = qualified(conversations.lastMessageAt);
  const read = qualified(side === 'a' ? conversations.aReadAt : conversations.bReadAt);
  return sql<boolean>`(${last} is not null and (${read} is null or ${last} > ${read}))`;
};

/** The member's conversations (direct ones without blocked people, and their company thread), newest first. */
export async function listConversations(ctx: TenantServiceContext) {
  const me = ctx.actor.membershipId;
  const rows = await ctx.tx
    .select({
      conversation: conversations,
      unread: sql<boolean>`case when ${conversations.memberA} = ${me} then ${unreadFor('a')} else ${unreadFor('b')} end`,
      otherName: sql<
        string | null
      >`(select m.display_name from memberships m where m.tenant_id = ${qualified(conversations.tenantId)}
        and m.id = case when ${qualified(conversations.memberA)} = ${me} then ${qualified(conversations.memberB)} else ${qualified(conversations.memberA)} end)`,
      lastMessage: lastMessageBody,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.tenantId, ctx.tenant.id),
        or(
          eq(conversations.memberA, me),
          and(eq(conversations.kind, 'direct'), eq(conversations.memberB, me)),
        ),
        sql`(${conversations.kind} = 'company' or (${notBlockedWith(me, ctx.tenant.id, conversations.memberA)} and ${notBlockedWith(me, ctx.tenant.id, conversations.memberB)}))`,
      ),
    )
    .orderBy(desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`))
    .limit(200);
  return rows;
}

/** The staff's shared inbox: every member's company thread, unanswered ones first. */
export async function companyInbox(ctx: TenantServiceContext) {
  if (!isStaff(ctx.actor)) throw forbidden();
  return ctx.tx
    .select({
      conversation: conversations,
      unread: unreadFor('b'),
      member: memberships.displayName,
      lastMessage: lastMessageBody,
    })
    .from(conversations)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, conversations.tenantId), eq(memberships.id, conversations.memberA)),
    )
    .where(
      and(
        eq(conversations.tenantId, ctx.tenant.id),
        eq(conversations.kind, 'company'),
        sql`${conversations.lastMessageAt} is not null`,
      ),
    )
    .orderBy(desc(unreadFor('b')), desc(conversations.lastMessageAt))
    .limit(200);
}

/** Unread counts; pass the member's conversations when they are already loaded. */
export async function unreadCounts(
  ctx: TenantServiceContext,
  loaded?: Awaited<ReturnType<typeof listConversations>>,
) {
  const mine = loaded ?? (await listConversations(ctx));
  const inbox = isStaff(ctx.actor) ? await companyInbox(ctx) : [];
  return {
    conversations: mine.filter((row) => row.unread).length,
    companyInbox: inbox.filter((row) => row.unread).length,
  };
}
