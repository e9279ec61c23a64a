import { type SQL, sql } from 'drizzle-orm';
import { groupMembers, groups, posts } from '../../../db/schema/index.js';
import type { Actor } from '../../tenancy/tenant-context.js';
import { notBlockedWith } from '../blocks.js';

/**
 * Whether the viewer may read a post: published (held and hidden posts only reach their author), no
 * block between the viewer and its author, and the post is outside
 * groups, in an open group, or in a group the viewer is an active member of.
 */
export function postVisibleTo(viewer: Actor, tenantId: string): SQL {
  return sql`(${notBlockedWith(viewer.membershipId, tenantId, posts.authorId)}
    and (${posts.status} = 'published' or ${posts.authorId} = ${viewer.membershipId}) and (
    ${posts.groupId} is null
    or exists (select 1 from ${groups} where ${groups.tenantId} = ${tenantId} and ${groups.id} = ${posts.groupId} and ${groups.visibility} = 'open')
    or exists (select 1 from ${groupMembers} where ${groupMembers.tenantId} = ${tenantId} and ${groupMembers.groupId} = ${posts.groupId}
      and ${groupMembers.membershipId} = ${viewer.membershipId} and ${groupMembers.status} = 'active')))`;
}
