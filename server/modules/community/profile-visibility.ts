import { type SQL, sql } from 'drizzle-orm';
import { qualified } from '../../db/qualified.js';
import type { ProfileField, ProfileVisibility, Visibility } from '../../db/schema/index.js';
import { memberProfiles } from '../../db/schema/index.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor } from '../tenancy/tenant-context.js';

/** Until a member says otherwise: profile fields are for members, their time at the company only for them. */
export const defaultVisibility: Record<ProfileField, Visibility> = {
  reading: 'members',
  photo: 'members',
  company: 'members',
  career: 'members',
  hashtags: 'members',
  intents: 'members',
  bio: 'members',
  links: 'members',
  tenure: 'private',
};

export function visibilityOf(stored: ProfileVisibility, field: ProfileField): Visibility {
  return stored[field] ?? defaultVisibility[field];
}

/** The levels a viewer can see of someone else's profile; moderators and employees see what members see. */
export function levelsSeenBy(viewer: Actor): Visibility[] {
  return isStaff(viewer) ? ['members', 'staff'] : ['members'];
}

export function canSee(
  viewer: Actor,
  subject: { membershipId: string; visibility: ProfileVisibility },
  field: ProfileField,
): boolean {
  if (viewer.membershipId === subject.membershipId) return true;
  return levelsSeenBy(viewer).includes(visibilityOf(subject.visibility, field));
}

/** The same rule in SQL, for filters that must not match on a field the viewer cannot see. */
export function fieldVisibleTo(viewer: Actor, field: ProfileField): SQL {
  const level = sql`coalesce(${qualified(memberProfiles.visibility)} ->> ${field}, ${defaultVisibility[field]})`;
  const levels = sql.join(
    levelsSeenBy(viewer).map((l) => sql`${l}`),
    sql`, `,
  );
  return sql`(${qualified(memberProfiles.membershipId)} = ${viewer.membershipId} or ${level} in (${levels}))`;
}
