import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  alumniRecords,
  careerChatSlots,
  comments,
  joinRequests,
  memberships,
  messages,
  events as networkEvents,
  newsArticles,
  newsCategories,
  newsComments,
  newsletterCampaigns,
  opportunities,
  posts,
  proposals,
  referrals,
  registryImports,
  segments,
  surveys,
} from '../../db/schema/index.js';
import type { AuditTargetType } from '../../platform/audit-actions.js';
import type { MemberContext } from './members.js';

type Target = { targetType: string; targetId: string | null; data: Record<string, unknown> };
type Named = { id: string; name: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const personName = (family: string, given: string) => (given ? `${family} ${given}` : family);

/**
 * The name of what each event is about, so the log reads 「鈴木 一郎」 instead of an id: a person's
 * name for records, members and requests, the file for an import, the segment's name, the author
 * for posts, comments and messages, the word for the moderation list. One query per kind of target
 * on the page; a target deleted since has no name, and the log shows its kind alone.
 */
export async function auditTargetNames(ctx: MemberContext, events: Target[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const idsOf = (type: AuditTargetType) => [
    ...new Set(
      events
        .filter((event) => event.targetType === type && event.targetId && uuidPattern.test(event.targetId))
        .map((event) => event.targetId!),
    ),
  ];
  const keep = (type: AuditTargetType, rows: Named[]) => {
    for (const row of rows) if (row.name) names.set(`${type}:${row.id}`, row.name);
  };
  const tenantId = ctx.tenant.id;
  const lookups: Partial<Record<AuditTargetType, (ids: string[]) => Promise<Named[]>>> = {
    alumni_record: async (ids) =>
      (
        await ctx.tx
          .select({ id: alumniRecords.id, family: alumniRecords.familyName, given: alumniRecords.givenName })
          .from(alumniRecords)
          .where(and(eq(alumniRecords.tenantId, tenantId), inArray(alumniRecords.id, ids)))
      ).map((row) => ({ id: row.id, name: personName(row.family, row.given) })),
    membership: (ids) =>
      ctx.tx
        .select({ id: memberships.id, name: memberships.displayName })
        .from(memberships)
        .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.id, ids))),
    join_request: async (ids) =>
      (
        await ctx.tx
          .select({ id: joinRequests.id, family: joinRequests.familyName, given: joinRequests.givenName })
          .from(joinRequests)
          .where(and(eq(joinRequests.tenantId, tenantId), inArray(joinRequests.id, ids)))
      ).map((row) => ({ id: row.id, name: personName(row.family, row.given) })),
    referral: (ids) =>
      ctx.tx
        .select({ id: referrals.id, name: referrals.name })
        .from(referrals)
        .where(and(eq(referrals.tenantId, tenantId), inArray(referrals.id, ids))),
    survey: (ids) =>
      ctx.tx
        .select({ id: surveys.id, name: sql<string>`${surveys.texts}->'title'->>'ja'` })
        .from(surveys)
        .where(and(eq(surveys.tenantId, tenantId), inArray(surveys.id, ids))),
    registry_import: (ids) =>
      ctx.tx
        .select({ id: registryImports.id, name: registryImports.fileName })
        .from(registryImports)
        .where(and(eq(registryImports.tenantId, tenantId), inArray(registryImports.id, ids))),
    newsletter: (ids) =>
      ctx.tx
        .select({ id: newsletterCampaigns.id, name: newsletterCampaigns.subject })
        .from(newsletterCampaigns)
        .where(and(eq(newsletterCampaigns.tenantId, tenantId), inArray(newsletterCampaigns.id, ids))),
    opportunity: (ids) =>
      ctx.tx
        .select({ id: opportunities.id, name: opportunities.title })
        .from(opportunities)
        .where(and(eq(opportunities.tenantId, tenantId), inArray(opportunities.id, ids))),
    // A career chat slot by its start in Japan time and its host: 「2026-12-10 19:00 人事 一郎」.
    career_chat_slot: (ids) =>
      ctx.tx
        .select({
          id: careerChatSlots.id,
          name: sql<string>`to_char(${careerChatSlots.startsAt} at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI')
            || ' ' || ${memberships.displayName}`,
        })
        .from(careerChatSlots)
        .innerJoin(
          memberships,
          and(eq(memberships.tenantId, careerChatSlots.tenantId), eq(memberships.id, careerChatSlots.hostId)),
        )
        .where(and(eq(careerChatSlots.tenantId, tenantId), inArray(careerChatSlots.id, ids))),
    // An event by its start in its own zone and its title: 「2026-12-10 19:00 アルムナイ交流会」.
    event: (ids) =>
      ctx.tx
        .select({
          id: networkEvents.id,
          name: sql<string>`to_char(${networkEvents.startsAt} at time zone ${networkEvents.timeZone}, 'YYYY-MM-DD HH24:MI')
            || ' ' || ${networkEvents.title}`,
        })
        .from(networkEvents)
        .where(and(eq(networkEvents.tenantId, tenantId), inArray(networkEvents.id, ids))),
    proposal: (ids) =>
      ctx.tx
        .select({ id: proposals.id, name: proposals.title })
        .from(proposals)
        .where(and(eq(proposals.tenantId, tenantId), inArray(proposals.id, ids))),
    segment: (ids) =>
      ctx.tx
        .select({ id: segments.id, name: segments.name })
        .from(segments)
        .where(and(eq(segments.tenantId, tenantId), inArray(segments.id, ids))),
    post: (ids) =>
      ctx.tx
        .select({ id: posts.id, name: memberships.displayName })
        .from(posts)
        .innerJoin(
          memberships,
          and(eq(memberships.tenantId, posts.tenantId), eq(memberships.id, posts.authorId)),
        )
        .where(and(eq(posts.tenantId, tenantId), inArray(posts.id, ids))),
    comment: (ids) =>
      ctx.tx
        .select({ id: comments.id, name: memberships.displayName })
        .from(comments)
        .innerJoin(
          memberships,
          and(eq(memberships.tenantId, comments.tenantId), eq(memberships.id, comments.authorId)),
        )
        .where(and(eq(comments.tenantId, tenantId), inArray(comments.id, ids))),
    message: (ids) =>
      ctx.tx
        .select({ id: messages.id, name: memberships.displayName })
        .from(messages)
        .innerJoin(
          memberships,
          and(eq(memberships.tenantId, messages.tenantId), eq(memberships.id, messages.senderId)),
        )
        .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, ids))),
    news_article: (ids) =>
      ctx.tx
        .select({ id: newsArticles.id, name: newsArticles.title })
        .from(newsArticles)
        .where(and(eq(newsArticles.tenantId, tenantId), inArray(newsArticles.id, ids))),
    news_comment: (ids) =>
      ctx.tx
        .select({ id: newsComments.id, name: memberships.displayName })
        .from(newsComments)
        .innerJoin(
          memberships,
          and(eq(memberships.tenantId, newsComments.tenantId), eq(memberships.id, newsComments.authorId)),
        )
        .where(and(eq(newsComments.tenantId, tenantId), inArray(newsComments.id, ids))),
    news_category: (ids) =>
      ctx.tx
        .select({ id: newsCategories.id, name: newsCategories.name })
        .from(newsCategories)
        .where(and(eq(newsCategories.tenantId, tenantId), inArray(newsCategories.id, ids))),
  };
  for (const [type, lookup] of Object.entries(lookups) as [
    AuditTargetType,
    (ids: string[]) => Promise<Named[]>,
  ][]) {
    const ids = idsOf(type);
    if (ids.length > 0) keep(type, await lookup(ids));
  }
  // A moderation word is its own name, kept with the event (the word may be removed since).
  for (const event of events)
    if (event.targetType === 'moderation_word' && event.targetId && typeof event.data.word === 'string')
      names.set(`moderation_word:${event.targetId}`, event.data.word);
  return names;
}

export const targetKey = (event: { targetType: string; targetId: string | null }) =>
  `${event.targetType}:${event.targetId}`;
