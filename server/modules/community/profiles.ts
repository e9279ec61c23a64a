import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  alumniRecords,
  type CareerEntry,
  type Intent,
  memberProfiles,
  memberships,
  type ProfileLink,
  type ProfileVisibility,
} from '../../db/schema/index.js';
import { invalid } from '../../platform/errors.js';
import { isKatakanaReading, normaliseReading, tidySpaces } from '../../platform/japanese/text.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import {
  followHashtagRows,
  hashtagsOfMembers,
  parseHashtagList,
  setMemberHashtags,
} from './hashtags/hashtags.js';
import { refreshMemberSearch } from './member-search.js';

export type ProfileRow = typeof memberProfiles.$inferSelect;

/** The member's profile, created on first use (members added before the community existed have none). */
export async function ensureProfile(ctx: Pick<TenantServiceContext, 'tx' | 'tenant' | 'actor'>) {
  const where = and(
    eq(memberProfiles.tenantId, ctx.tenant.id),
    eq(memberProfiles.membershipId, ctx.actor.membershipId),
  );
  const [existing] = await ctx.tx.select().from(memberProfiles).where(where);
  if (existing) return existing;
  await createProfile(ctx.tx, ctx.tenant.id, ctx.actor.membershipId, '');
  const [created] = await ctx.tx.select().from(memberProfiles).where(where);
  return created!;
}

/** A new member's profile, pre-filled with the reading HR holds for them so set-up asks less. */
export async function createProfile(tx: Queryable, tenantId: string, membershipId: string, reading: string) {
  await tx
    .insert(memberProfiles)
    .values({ tenantId, membershipId, displayNameKana: normaliseReading(reading) })
    .onConflictDoNothing();
  await refreshMemberSearch(tx, tenantId, membershipId);
}

export type ProfileUpdate = {
  displayName?: string | undefined;
  displayNameKana?: string | undefined;
  currentCompany?: string | undefined;
  currentTitle?: string | undefined;
  career?: CareerEntry[] | undefined;
  intents?: Intent[] | undefined;
  bio?: string | undefined;
  links?: ProfileLink[] | undefined;
  hashtags?: string[] | undefined;
  visibility?: ProfileVisibility | undefined;
  acceptsMessages?: boolean | undefined;
  findableByFormerNames?: boolean | undefined;
};

export async function updateOwnProfile(ctx: TenantServiceContext, input: ProfileUpdate) {
  const current = await ensureProfile(ctx);
  const kana =
    input.displayNameKana === undefined ? current.displayNameKana : normaliseReading(input.displayNameKana);
  if (!isKatakanaReading(kana)) throw invalid([{ path: 'displayNameKana', code: 'field_invalid_reading' }]);
  const tags = input.hashtags === undefined ? undefined : parseHashtagList(input.hashtags, 'hashtags');
  const displayName = input.displayName === undefined ? ctx.actor.displayName : tidySpaces(input.displayName);
  const visibility = { ...current.visibility, ...input.visibility };
  if (displayName !== ctx.actor.displayName) {
    await ctx.tx
      .update(memberships)
      .set({ displayName })
      .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, ctx.actor.membershipId)));
    ctx.actor.displayName = displayName;
  }
  await ctx.tx
    .update(memberProfiles)
    .set({
      displayNameKana: kana,
      ...(input.currentCompany === undefined ? {} : { currentCompany: tidySpaces(input.currentCompany) }),
      ...(input.currentTitle === undefined ? {} : { currentTitle: tidySpaces(input.currentTitle) }),
      ...(input.career === undefined ? {} : { career: input.career }),
      ...(input.intents === undefined ? {} : { intents: [...new Set(input.intents)] }),
      ...(input.bio === undefined ? {} : { bio: input.bio.trim() }),
      ...(input.links === undefined ? {} : { links: input.links }),
      ...(input.acceptsMessages === undefined ? {} : { acceptsMessages: input.acceptsMessages }),
      ...(input.findableByFormerNames === undefined
        ? {}
        : { findableByFormerNames: input.findableByFormerNames }),
      visibility,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(memberProfiles.tenantId, ctx.tenant.id),
        eq(memberProfiles.membershipId, ctx.actor.membershipId),
      ),
    );
  await refreshMemberSearch(ctx.tx, ctx.tenant.id, ctx.actor.membershipId);
  if (tags) {
    const rows = await setMemberHashtags(ctx, tags);
    // What a newcomer picks during set-up is what they want to read about: follow it, so their first
    // timeline is not empty. Later profile edits describe the member and leave their follows alone.
    if (!current.onboardedAt) await followHashtagRows(ctx, rows);
  }
}

/** Years and departments from the member's registry record: the part of HR's record the member may show. */
export type Tenure = { joinedYear: number | null; leftYear: number | null; departments: string[] };

export async function tenureOf(
  tx: Queryable,
  tenantId: string,
  membershipId: string,
): Promise<Tenure | null> {
  const [record] = await tx
    .select({
      joinedOn: alumniRecords.joinedOn,
      leftOn: alumniRecords.leftOn,
      lastDepartment: alumniRecords.lastDepartment,
      departmentHistory: alumniRecords.departmentHistory,
    })
    .from(alumniRecords)
    .where(and(eq(alumniRecords.tenantId, tenantId), eq(alumniRecords.membershipId, membershipId)));
  if (!record) return null;
  const departments = [
    ...new Set(
      [...record.departmentHistory.map((entry) => entry.department), record.lastDepartment ?? ''].filter(
        Boolean,
      ),
    ),
  ];
  const year = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);
  return { joinedYear: year(record.joinedOn), leftYear: year(record.leftOn), departments };
}

/** Everything about one member's profile; presenters decide what of it a viewer gets. */
export async function loadProfile(ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>, membershipId: string) {
  const [row] = await ctx.tx
    .select({ profile: memberProfiles, membership: memberships })
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
  if (!row) return null;
  const tags = await hashtagsOfMembers(ctx.tx, ctx.tenant.id, [membershipId]);
  return {
    membership: row.membership,
    profile: row.profile,
    hashtags: tags.get(membershipId) ?? [],
    tenure: await tenureOf(ctx.tx, ctx.tenant.id, membershipId),
  };
}
export type LoadedProfile = NonNullable<Awaited<ReturnType<typeof loadProfile>>>;

/** Set-up is done once the member has answered the consent questions; the profile steps are optional. */
export async function completeOnboarding(ctx: TenantServiceContext) {
  const profile = await ensureProfile(ctx);
  if (!profile.consentPolicyVersion) throw invalid([], 'consent_required');
  if (!profile.onboardedAt) {
    await ctx.tx
      .update(memberProfiles)
      .set({ onboardedAt: new Date() })
      .where(
        and(
          eq(memberProfiles.tenantId, ctx.tenant.id),
          eq(memberProfiles.membershipId, ctx.actor.membershipId),
        ),
      );
  }
}
