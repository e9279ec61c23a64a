import { and, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  accounts,
  alumniRecords,
  memberships,
  opportunities,
  opportunityReferrals,
} from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, conflict } from '../../platform/errors.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { isBlockedBetween } from '../community/blocks.js';
import { withAnyEmail } from '../registry/search-index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { findMemberOpportunity, refuseIfClosed } from './interests.js';
import { referralMail } from './referral-mail.js';

export type ReferralInput =
  | { memberId: string; note: string }
  | { name: string; email: string; note: string };

async function activeMember(ctx: TenantServiceContext, where: { id: string } | { email: string }) {
  const [row] = await ctx.tx
    .select({
      id: memberships.id,
      displayName: memberships.displayName,
      email: accounts.email,
      locale: accounts.locale,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.tenantId, ctx.tenant.id),
        eq(memberships.status, 'active'),
        'id' in where ? eq(memberships.id, where.id) : eq(accounts.email, where.email),
      ),
    );
  return row ?? null;
}

/** An address HR put on the exclusion list is never mailed, whoever refers it. */
async function isExcludedAddress(ctx: TenantServiceContext, email: string) {
  const [row] = await ctx.tx
    .select({ id: alumniRecords.id })
    .from(alumniRecords)
    .where(
      and(
        eq(alumniRecords.tenantId, ctx.tenant.id),
        eq(alumniRecords.status, 'excluded'),
        withAnyEmail(ctx.tenant.id, [email]),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * A member refers someone for an opportunity they can see. The referred address gets one mail per
 * opportunity (the unique key decides a race; a second referral is refused with 409). An address
 * typed by hand is looked up among members only to choose the mail's link: the referrer gets the same
 * answer whether it belongs to someone or not, and whether a mail went out or not.
 */
export async function referForOpportunity(ctx: TenantServiceContext, id: string, input: ReferralInput) {
  const { opportunity } = await findMemberOpportunity(ctx, id);
  refuseIfClosed(opportunity);
  const self = await activeMember(ctx, { id: ctx.actor.membershipId });
  let referred: Awaited<ReturnType<typeof activeMember>>;
  let email: string;
  let name: string;
  if ('memberId' in input) {
    referred = await activeMember(ctx, { id: input.memberId });
    if (!referred) {
      throw new AppError(422, 'referral_member_unknown', [
        { path: 'memberId', code: 'referral_member_unknown' },
      ]);
    }
    email = referred.email.toLowerCase();
    name = referred.displayName;
  } else {
    email = input.email.toLowerCase();
    name = input.name;
    referred = await activeMember(ctx, { email });
  }
  if (referred?.id === ctx.actor.membershipId || email === self?.email.toLowerCase()) {
    throw new AppError(422, 'referral_self');
  }
  const silent =
    (await isExcludedAddress(ctx, email)) ||
    (referred !== null &&
      (await isBlockedBetween(ctx.tx, ctx.tenant.id, referred.id, ctx.actor.membershipId)));
  const [stored] = await ctx.tx
    .insert(opportunityReferrals)
    .values({
      tenantId: ctx.tenant.id,
      opportunityId: id,
      referrerId: ctx.actor.membershipId,
      referredMemberId: referred?.id ?? null,
      name,
      email,
      note: input.note,
      mailed: !silent,
    })
    .onConflictDoNothing()
    .returning({ id: opportunityReferrals.id });
  if (!stored) throw conflict('referral_already_sent');
  if (!silent) {
    const base = ctx.deps.config.publicUrl;
    await queueMail(
      ctx.deps.jobs,
      ctx.tx,
      referralMail({
        to: referred?.email ?? email,
        locale: referred?.locale ?? 'ja',
        network: ctx.tenant,
        opportunity,
        referrerName: self?.displayName ?? '',
        referredName: referred?.displayName ?? name,
        note: input.note,
        link: referred
          ? { kind: 'opportunity', url: `${base}/t/${ctx.tenant.slug}/opportunities/${id}` }
          : { kind: 'join', url: `${base}/join/${ctx.tenant.slug}` },
      }),
    );
  }
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'opportunity.referred',
    targetType: 'opportunity',
    targetId: id,
    data: { referralId: stored.id, member: referred !== null, mailed: !silent },
    ipAddress: ctx.ipAddress,
  });
}

const referrers = alias(memberships, 'referrers');

/** HR's list for an opportunity: who referred whom, newest first. */
export async function listReferrals(ctx: TenantServiceContext, opportunityId: string) {
  return ctx.tx
    .select({
      referral: opportunityReferrals,
      referrer: { id: referrers.id, displayName: referrers.displayName },
      referred: { id: memberships.id, displayName: memberships.displayName },
    })
    .from(opportunityReferrals)
    .innerJoin(
      referrers,
      and(
        eq(referrers.tenantId, opportunityReferrals.tenantId),
        eq(referrers.id, opportunityReferrals.referrerId),
      ),
    )
    .leftJoin(
      memberships,
      and(
        eq(memberships.tenantId, opportunityReferrals.tenantId),
        eq(memberships.id, opportunityReferrals.referredMemberId),
        ne(memberships.status, 'removed'),
      ),
    )
    .where(
      and(
        eq(opportunityReferrals.tenantId, ctx.tenant.id),
        eq(opportunityReferrals.opportunityId, opportunityId),
      ),
    )
    .orderBy(desc(opportunityReferrals.createdAt), desc(opportunityReferrals.id))
    .limit(1000);
}
export type ReferralView = Awaited<ReturnType<typeof listReferrals>>[number];

/**
 * A member's own referrals, newest first: whom (by the name they gave or picked) for which
 * opportunity. Never the address or whether a mail went out: that would tell the referrer whether
 * the address belongs to a member, or is on HR's exclusion list.
 */
export async function listSentReferrals(ctx: TenantServiceContext) {
  return ctx.tx
    .select({
      id: opportunityReferrals.id,
      name: opportunityReferrals.name,
      note: opportunityReferrals.note,
      createdAt: opportunityReferrals.createdAt,
      opportunity: opportunities,
    })
    .from(opportunityReferrals)
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.tenantId, opportunityReferrals.tenantId),
        eq(opportunities.id, opportunityReferrals.opportunityId),
      ),
    )
    .where(
      and(
        eq(opportunityReferrals.tenantId, ctx.tenant.id),
        eq(opportunityReferrals.referrerId, ctx.actor.membershipId),
      ),
    )
    .orderBy(desc(opportunityReferrals.createdAt), desc(opportunityReferrals.id))
    .limit(200);
}
export type SentReferralView = Awaited<ReturnType<typeof listSentReferrals>>[number];
