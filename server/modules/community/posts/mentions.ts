import { and, eq, inArray } from 'drizzle-orm';
import { groupMembers, groups, memberships } from '../../../db/schema/index.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { notBlockedWith } from '../blocks.js';
import { notify, snippet } from '../notifications/notify.js';
import { mentionedIds, plainText } from './render-markdown.js';
import type { PostRow } from './write-posts.js';

const MAX_MENTIONS = 10;

/**
 * The members a text may mention, with their display names: active members of this network whom no
 * block separates from the author. Anyone else written as a mention stays plain text.
 */
export async function resolveMentions(ctx: TenantServiceContext, body: string): Promise<Map<string, string>> {
  const ids = mentionedIds(body).slice(0, MAX_MENTIONS);
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: memberships.id, displayName: memberships.displayName })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, ctx.tenant.id),
        inArray(memberships.id, ids),
        eq(memberships.status, 'active'),
        notBlockedWith(ctx.actor.membershipId, ctx.tenant.id, memberships.id),
      ),
    );
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/**
 * Tells the members a published post newly mentions, if they may read it: a post in a group that is
 * not open reaches only the group's members, so nobody learns of it through a mention.
 */
export async function notifyMentions(
  ctx: TenantServiceContext,
  post: PostRow,
  mentioned: ReadonlyMap<string, string>,
  alreadyMentioned: ReadonlySet<string> = new Set(),
) {
  if (post.status !== 'published') return;
  let recipients = [...mentioned.keys()].filter((id) => !alreadyMentioned.has(id));
  if (recipients.length > 0 && post.groupId) {
    const [group] = await ctx.tx
      .select({ visibility: groups.visibility })
      .from(groups)
      .where(and(eq(groups.tenantId, ctx.tenant.id), eq(groups.id, post.groupId)));
    if (group?.visibility !== 'open') {
      const members = await ctx.tx
        .select({ id: groupMembers.membershipId })
        .from(groupMembers)
        .where(
          and(
            eq(groupMembers.tenantId, ctx.tenant.id),
            eq(groupMembers.groupId, post.groupId),
            eq(groupMembers.status, 'active'),
            inArray(groupMembers.membershipId, recipients),
          ),
        );
      const inGroup = new Set(members.map((member) => member.id));
      recipients = recipients.filter((id) => inGroup.has(id));
    }
  }
  await notify(
    ctx,
    recipients.map((recipientId) => ({
      recipientId,
      kind: 'mention' as const,
      targetType: 'post' as const,
      targetId: post.id,
      data: { snippet: snippet(plainText(post.body)) },
    })),
  );
}
