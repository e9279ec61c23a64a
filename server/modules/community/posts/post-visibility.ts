import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { qualified } from '../../../db/qualified.js';
import { posts } from '../../../db/schema/index.js';
import type { Actor } from '../../tenancy/tenant-context.js';
import { notBlockedWith } from '../blocks.js';

/**
 * Whether the viewer may read a post: published (held and hidden posts only reach their author), no
 * block between the viewer and its author, and the post is outside
 * groups, in an open group, or in a group the viewer is an active member of.
 */
export function postVisibleTo(
  viewer: Actor,
  tenantId: string,
  columns: { authorId: AnyPgColumn; groupId: AnyPgColumn; status: AnyPgColumn } = posts,
): SQL {
  const groupId = qualified(columns.groupId);
  return sql`(${notBlockedWith(viewer.membershipId, tenantId, columns.authorId)}
    and (${qualified(columns.status)} = 'published' or ${qualified(columns.authorId)} = ${viewer.membershipId}) and (
    ${groupId} is null
    or exists (select 1 from groups g where g.tenant_id = ${tenantId} and g.id = ${groupId} and g.visibility = 'open')
    or exists (select 1 from group_members gm where gm.tenant_id = ${tenantId} and gm.group_id = ${groupId}
      and gm.membership_id = ${viewer.membershipId} and gm.status = 'active')))`;
}
