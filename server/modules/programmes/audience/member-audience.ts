import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import {
  alumniRecords,
  eventRegistrations,
  groupMembers,
  type Intent,
  memberProfiles,
  memberships,
  type Role,
  segments,
} from '../../../db/schema/index.js';
import { japanDay } from '../../outcomes/activity/japan-days.js';
import { activeInEarlierWindow } from '../../outcomes/engagement/going-quiet.js';
import { segmentsMatching } from '../../registry/segments.js';
import type { AudienceSpec } from './audience-spec.js';

/** What decides whether one member is in an audience; loaded once per request by loadMemberAudienceFacts. */
export type MemberAudienceFacts = {
  role: Role;
  intents: readonly Intent[];
  /** Whether the member's linked registry record says would_return = 'yes'. */
  wouldReturn: boolean;
  /** Whether HR's registry holds a record linked to this member. */
  hasRecord: boolean;
  /** Of the segments asked about, those the member's linked record matches. */
  segmentIds: readonly string[];
  /** Community groups the member belongs to (active membership only). */
  groupIds: readonly string[];
  /** Active in the window before the last 30 days: may see what is meant for members going quiet. */
  activeBeforeQuiet: boolean;
  /** Events the member was checked in at (registration not cancelled). */
  attendedEventIds: readonly string[];
};

/**
 * Roles reached only when a spec includes employees: current employees and the company's own staff.
 * Moderators are members of the network who keep it safe, so they count as members.
 */
const employeeSide: ReadonlySet<Role> = new Set(['employee', 'owner', 'admin']);

/** Whether a spec is meant for this member. Pure: the member-facing lists call it for every item. */
export function audienceAdmitsMember(spec: AudienceSpec, facts: MemberAudienceFacts): boolean {
  if (!(employeeSide.has(facts.role) ? spec.includeEmployees : spec.members)) return false;
  if (spec.segmentId !== null && !facts.segmentIds.includes(spec.segmentId)) return false;
  if (spec.openTo.length > 0 && !spec.openTo.some((intent) => facts.intents.includes(intent))) return false;
  if (spec.wouldReturn && !facts.wouldReturn) return false;
  if (spec.groupId !== null && !facts.groupIds.includes(spec.groupId)) return false;
  if (spec.goingQuiet && !facts.activeBeforeQuiet) return false;
  if (spec.attendedEventId !== null && !facts.attendedEventIds.includes(spec.attendedEventId)) return false;
  return true;
}

/**
 * The facts about one member that audienceAdmitsMember needs: a few indexed reads, whatever the number
 * of programmes. `segmentIds` are the segments the caller's programmes name (ids of other tenants or of
 * deleted segments simply match nothing).
 */
export async function loadMemberAudienceFacts(
  ctx: { tx: Queryable; tenant: { id: string } },
  membershipId: string,
  segmentIds: readonly string[],
): Promise<MemberAudienceFacts> {
  const tenantId = ctx.tenant.id;
  const [member] = await ctx.tx
    .select({
      role: memberships.role,
      intents: memberProfiles.intents,
      hasRecord: sql<boolean>`exists (select 1 from ${alumniRecords} r
        where r.tenant_id = ${tenantId} and r.membership_id = ${memberships.id})`,
      wouldReturn: sql<boolean>`exists (select 1 from ${alumniRecords} r
        where r.tenant_id = ${tenantId} and r.membership_id = ${memberships.id} and r.would_return = 'yes')`,
    })
    .from(memberships)
    .leftJoin(
      memberProfiles,
      and(eq(memberProfiles.tenantId, memberships.tenantId), eq(memberProfiles.membershipId, memberships.id)),
    )
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, membershipId)));
  const groups = await ctx.tx
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.tenantId, tenantId),
        eq(groupMembers.membershipId, membershipId),
        eq(groupMembers.status, 'active'),
      ),
    );
  const attended = await ctx.tx
    .select({ eventId: eventRegistrations.eventId })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.tenantId, tenantId),
        eq(eventRegistrations.memberId, membershipId),
        isNotNull(eventRegistrations.attendedAt),
        ne(eventRegistrations.status, 'cancelled'),
      ),
    );
  return {
    role: member?.role ?? 'alumnus',
    intents: member?.intents ?? [],
    wouldReturn: member?.wouldReturn ?? false,
    hasRecord: member?.hasRecord ?? false,
    segmentIds: member?.hasRecord ? await matchingSegments(ctx.tx, tenantId, membershipId, segmentIds) : [],
    groupIds: groups.map((row) => row.groupId),
    activeBeforeQuiet: await activeInEarlierWindow(ctx.tx, tenantId, membershipId, japanDay(new Date())),
    attendedEventIds: attended.map((row) => row.eventId),
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Of the given segments, those whose filter the member's linked record matches: one statement. */
async function matchingSegments(
  tx: Queryable,
  tenantId: string,
  membershipId: string,
  segmentIds: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(segmentIds)].filter((id) => uuidPattern.test(id));
  if (wanted.length === 0) return [];
  const rows = await tx
    .select()
    .from(segments)
    .where(and(eq(segments.tenantId, tenantId), inArray(segments.id, wanted)));
  return segmentsMatching(tx, tenantId, rows, eq(alumniRecords.membershipId, membershipId));
}
