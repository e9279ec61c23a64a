import { and, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import {
  accounts,
  type DigestFrequency,
  memberProfiles,
  memberships,
  posts,
  tenants,
} from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import type { Deps } from '../../../platform/http/env.js';
import { queueMail } from '../../../platform/mail/queue-mail.js';
import { recordActivity } from '../../outcomes/activity/record-activity.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { unreadCounts } from '../messages/conversations.js';
import { homeFeed } from '../posts/feeds.js';
import { plainText } from '../posts/render-markdown.js';
import { digestMail } from './digest-mail.js';
import { digestPeriodStart, previousDigestPeriodStart } from './digest-schedule.js';
import { unreadNotifications } from './notification-inbox.js';
import { networkName, snippet } from './notify.js';
import { unsubscribeLinks } from './unsubscribe.js';

const BATCH = 100;
const SHOWN_POSTS = 5;
const COUNTED_POSTS = 20;

/**
 * The digest job, run every hour: for every network and frequency, mails each member whose last digest
 * predates the current period (08:00 daily, Monday 08:00 weekly, 08:00 on the 1st monthly). A batch's mails and its "sent" marks
 * commit together, so a crash or a second instance never sends one twice, and a run missed while the
 * server was down, or cut short by a shutdown, is made good by the next.
 */
export async function sendDueDigests(deps: Deps, now = new Date(), signal?: AbortSignal): Promise<number> {
  let sent = 0;
  const networks = await deps.database.db.select().from(tenants);
  for (const tenant of networks) {
    for (const frequency of ['daily', 'weekly', 'monthly'] as const) {
      const periodStart = digestPeriodStart(now, frequency, deps.config.digestTimeZone);
      for (;;) {
        // Shutting down: stop after the batch that committed; the next run mails whoever is left.
        if (signal?.aborted) return sent;
        const batch = await inTenant(deps.database.db, tenant.id, (tx) =>
          digestBatch({ deps, tx, tenant }, frequency, periodStart, now),
        );
        sent += batch.mailed;
        if (batch.handled < BATCH) break;
      }
    }
  }
  return sent;
}

type BatchContext = Pick<TenantServiceContext, 'deps' | 'tx' | 'tenant'>;

async function digestBatch(
  ctx: BatchContext,
  frequency: Exclude<DigestFrequency, 'off'>,
  periodStart: Date,
  now: Date,
) {
  const due = await ctx.tx
    .select({
      membershipId: memberships.id,
      accountId: memberships.accountId,
      role: memberships.role,
      displayName: memberships.displayName,
      email: accounts.email,
      locale: accounts.locale,
      key: memberProfiles.unsubscribeKey,
      companyNews: memberProfiles.companyNews,
      lastDigestAt: memberProfiles.lastDigestAt,
    })
    .from(memberProfiles)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, memberProfiles.tenantId), eq(memberships.id, memberProfiles.membershipId)),
    )
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberProfiles.tenantId, ctx.tenant.id),
        eq(memberProfiles.digestFrequency, frequency),
        eq(memberships.status, 'active'),
        isNotNull(memberProfiles.onboardedAt),
        lt(memberProfiles.onboardedAt, periodStart),
        or(isNull(memberProfiles.lastDigestAt), lt(memberProfiles.lastDigestAt, periodStart)),
      ),
    )
    .limit(BATCH)
    .for('update', { of: memberProfiles, skipLocked: true });
  let mailed = 0;
  for (const member of due) {
    const since =
      member.lastDigestAt ??
      previousDigestPeriodStart(periodStart, frequency, ctx.deps.config.digestTimeZone);
    const memberCtx: TenantServiceContext = {
      ...ctx,
      actor: {
        membershipId: member.membershipId,
        accountId: member.accountId,
        role: member.role,
        displayName: member.displayName,
      },
      ipAddress: '',
    };
    // Company announcements go into mail only for members who agreed to company news by e-mail; the
    // digest of community activity is sent as the member chose either way.
    const content = await digestContent(memberCtx, since, { announcements: member.companyNews });
    if (content.postCount + content.unreadNotifications + content.unreadMessages === 0) continue;
    const base = ctx.deps.config.publicUrl;
    const links = unsubscribeLinks(base, {
      slug: ctx.tenant.slug,
      membershipId: member.membershipId,
      key: member.key,
      list: 'digest',
    });
    const mail = digestMail(member.locale, {
      frequency,
      name: member.displayName,
      network: networkName(ctx, member.locale),
      ...content,
      posts: content.posts.map((post) => ({
        ...post,
        link: `${base}/t/${ctx.tenant.slug}/posts/${post.id}`,
      })),
      home: `${base}/t/${ctx.tenant.slug}`,
      settings: `${base}/t/${ctx.tenant.slug}/me#notifications`,
      unsubscribe: links.page,
    });
    await queueMail(ctx.deps.jobs, ctx.tx, { to: member.email, ...mail, headers: links.headers });
    // No table keeps who got a digest; outcomes count its reach from this.
    await recordActivity(ctx.tx, {
      tenantId: ctx.tenant.id,
      membershipId: member.membershipId,
      kind: 'digest_sent',
      at: now,
    });
    mailed += 1;
  }
  if (due.length > 0) {
    // Members with nothing new are marked too: their next digest counts from now.
    await ctx.tx
      .update(memberProfiles)
      .set({ lastDigestAt: now })
      .where(
        and(
          eq(memberProfiles.tenantId, ctx.tenant.id),
          inArray(
            memberProfiles.membershipId,
            due.map((member) => member.membershipId),
          ),
        ),
      );
  }
  return { handled: due.length, mailed };
}

/** What is new for one member since a time: posts from their feed (not their own) and what is unread. */
async function digestContent(ctx: TenantServiceContext, since: Date, options: { announcements: boolean }) {
  const page = await homeFeed(ctx, { limit: COUNTED_POSTS }, options);
  const newIds = page.items.filter((item) => item.createdAt > since).map((item) => item.id);
  const rows = newIds.length
    ? await ctx.tx
        .select({ id: posts.id, body: posts.body, author: memberships.displayName, authorId: posts.authorId })
        .from(posts)
        .innerJoin(
          memberships,
          and(eq(memberships.tenantId, posts.tenantId), eq(memberships.id, posts.authorId)),
        )
        .where(and(eq(posts.tenantId, ctx.tenant.id), inArray(posts.id, newIds)))
    : [];
  const others = newIds
    .map((id) => rows.find((row) => row.id === id))
    .filter((row) => row !== undefined && row.authorId !== ctx.actor.membershipId) as typeof rows;
  const messages = await unreadCounts(ctx);
  return {
    postCount: others.length,
    morePosts: others.length === COUNTED_POSTS && page.nextCursor !== null,
    posts: others
      .slice(0, SHOWN_POSTS)
      .map((row) => ({ id: row.id, author: row.author, text: snippet(plainText(row.body)) })),
    unreadNotifications: await unreadNotifications(ctx.tx, ctx.tenant.id, ctx.actor.membershipId),
    unreadMessages: messages.conversations + messages.companyInbox,
  };
}
