import { and, desc, eq, sql } from 'drizzle-orm';
import { qualified } from '../../../db/qualified.js';
import { hashtags } from '../../../db/schema/index.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { searchDirectory } from '../directory.js';
import { listGroups } from '../groups/list-groups.js';
import { hashtagsOfMembers } from '../hashtags/hashtags.js';

const tagLimit = 8;
const groupLimit = 3;
const peopleLimit = 5;

/**
 * Where a member whose timeline is empty could start: hashtags many members use and they do not follow
 * yet, groups about their hashtags (else the largest open to them), and people who were at the company
 * in the same department at the same time, then people who carry the same hashtags. People come from
 * the directory's query, so its consent, block and visibility rules apply unchanged.
 */
export async function feedSuggestions(ctx: TenantServiceContext) {
  return {
    hashtags: await popularUnfollowedHashtags(ctx),
    groups: await groupsToJoin(ctx),
    people: await peopleToMeet(ctx),
  };
}

async function popularUnfollowedHashtags(ctx: TenantServiceContext) {
  const tenantId = qualified(hashtags.tenantId);
  const id = qualified(hashtags.id);
  const uses = sql<number>`(select count(*) from member_hashtags mh where mh.tenant_id = ${tenantId} and mh.hashtag_id = ${id})
    + (select count(*) from hashtag_follows hf where hf.tenant_id = ${tenantId} and hf.hashtag_id = ${id})
    + (select count(*) from post_hashtags ph where ph.tenant_id = ${tenantId} and ph.hashtag_id = ${id})`;
  const followed = sql`exists (select 1 from hashtag_follows mine where mine.tenant_id = ${tenantId}
    and mine.hashtag_id = ${id} and mine.membership_id = ${ctx.actor.membershipId})`;
  return ctx.tx
    .select({ key: hashtags.key, label: hashtags.label, uses: uses.mapWith(Number) })
    .from(hashtags)
    .where(and(eq(hashtags.tenantId, ctx.tenant.id), sql`not ${followed}`, sql`${uses} > 0`))
    .orderBy(desc(uses), hashtags.key)
    .limit(tagLimit);
}

async function groupsToJoin(ctx: TenantServiceContext) {
  const suggested = await listGroups(ctx, { scope: 'suggested', limit: groupLimit });
  if (suggested.length >= groupLimit) return suggested;
  const shown = new Set(suggested.map((row) => row.group.id));
  const largest = await listGroups(ctx, { scope: 'discover', limit: groupLimit * 2 });
  return [...suggested, ...largest.filter((row) => !shown.has(row.group.id))].slice(0, groupLimit);
}

async function peopleToMeet(ctx: TenantServiceContext) {
  const found = new Map<string, Awaited<ReturnType<typeof searchDirectory>>['people'][number]>();
  const add = (people: Awaited<ReturnType<typeof searchDirectory>>['people']) => {
    for (const person of people) {
      if (person.membership.id !== ctx.actor.membershipId && found.size < peopleLimit) {
        found.set(person.membership.id, person);
      }
    }
  };
  add((await searchDirectory(ctx, { overlap: true, limit: peopleLimit })).people);
  const own = (await hashtagsOfMembers(ctx.tx, ctx.tenant.id, [ctx.actor.membershipId])).get(
    ctx.actor.membershipId,
  );
  for (const tag of (own ?? []).slice(0, 3)) {
    if (found.size >= peopleLimit) break;
    add((await searchDirectory(ctx, { hashtag: tag.key, limit: peopleLimit + 1 })).people);
  }
  return [...found.values()];
}
