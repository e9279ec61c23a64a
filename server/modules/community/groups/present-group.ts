import { z } from '@hono/zod-openapi';
import { groupVisibilities } from '../../../db/schema/index.js';
import type { GroupRow, Membership } from './groups.js';

const PlaceSchema = z
  .object({ role: z.enum(['admin', 'member']), status: z.enum(['active', 'requested', 'invited']) })
  .nullable();

export const GroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    visibility: z.enum(groupVisibilities),
    members: z.number().int(),
    hashtags: z.array(z.object({ key: z.string(), label: z.string() })),
    membership: PlaceSchema,
  })
  .openapi('Group');

/** A group as a member sees it in a list: what it is about, its size and the viewer's place in it. */
export function presentGroup(row: {
  group: GroupRow;
  members: number;
  hashtags: { key: string; label: string }[];
  membership: Membership;
}): z.infer<typeof GroupSchema> {
  return {
    id: row.group.id,
    name: row.group.name,
    description: row.group.description,
    visibility: row.group.visibility,
    members: row.members,
    hashtags: row.hashtags,
    membership: row.membership,
  };
}

export const GroupMemberSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    role: z.enum(['admin', 'member']),
    status: z.enum(['active', 'requested', 'invited']),
  })
  .openapi('GroupMember');

/** A person in a group's member list: who they are and their place in the group, nothing more. */
export function presentGroupMember(row: {
  id: string;
  displayName: string;
  role: 'admin' | 'member';
  status: 'active' | 'requested' | 'invited';
}): z.infer<typeof GroupMemberSchema> {
  return { id: row.id, displayName: row.displayName, role: row.role, status: row.status };
}
