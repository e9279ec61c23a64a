import { and, desc, eq } from 'drizzle-orm';
import { alumniRecords, memberships, type ReviewStatus, referrals } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { Locale } from '../../../platform/i18n/messages.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import type { RegistryContext } from '../context.js';
import { defaultInvitationTemplates, invitationBlocker } from '../invitations/invitation-rules.js';
import { issueInvitation } from '../invitations/send-invitations.js';
import { createRecord } from '../records.js';
import { withAnyEmail } from '../search-index.js';

/**
 * A member suggests a former colleague. A matching record is invited under the usual rules;
 * an unknown address waits for HR. The referrer hears the same answer either way.
 */
export async function referColleague(
  ctx: TenantServiceContext,
  input: { email: string; name?: string | undefined; note?: string | undefined },
  locale: Locale,
) {
  const matches = await ctx.tx
    .select()
    .from(alumniRecords)
    .where(and(eq(alumniRecords.tenantId, ctx.tenant.id), withAnyEmail(ctx.tenant.id, [input.email])));
  const record = matches.length === 1 ? matches[0]! : null;
  let status: ReviewStatus = 'pending';
  if (record) {
    const blocker = invitationBlocker(record);
    if (blocker === null) {
      await issueInvitation(ctx.deps, ctx.tx, ctx.tenant, record, {
        locale,
        template: defaultInvitationTemplates[locale],
        invitedBy: null,
        source: 'referral',
      });
      status = 'approved';
    } else {
      // Excluded, unconsented, already invited or joined: nothing goes out, and HR need not act.
      status = 'refused';
    }
  }
  const [referral] = await ctx.tx
    .insert(referrals)
    .values({
      tenantId: ctx.tenant.id,
      referrerMembershipId: ctx.actor.membershipId,
      email: input.email,
      name: input.name ?? '',
      note: input.note ?? '',
      recordId: record?.id ?? null,
      status,
      decidedAt: status === 'pending' ? null : new Date(),
    })
    .returning();
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'referral.created',
    targetType: 'referral',
    targetId: referral!.id,
    data: { outcome: status },
    ipAddress: ctx.ipAddress,
  });
}

export function listReferrals(ctx: RegistryContext, status: ReviewStatus) {
  return ctx.tx
    .select({
      id: referrals.id,
      email: referrals.email,
      name: referrals.name,
      note: referrals.note,
      status: referrals.status,
      createdAt: referrals.createdAt,
      referrer: memberships.displayName,
    })
    .from(referrals)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, referrals.tenantId), eq(memberships.id, referrals.referrerMembershipId)),
    )
    .where(and(eq(referrals.tenantId, ctx.tenant.id), eq(referrals.status, status)))
    .orderBy(desc(referrals.createdAt))
    .limit(100);
}

async function pendingReferral(ctx: RegistryContext, id: string) {
  const [referral] = await ctx.tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.tenantId, ctx.tenant.id), eq(referrals.id, id)));
  if (!referral) throw notFound();
  if (referral.status !== 'pending') throw new AppError(409, 'request_decided');
  return referral;
}

/**
 * HR's decision on an unknown address: a new record (source "referral") and one invitation, which is
 * the first contact; consent to further company news is asked for when the person joins.
 */
export async function approveReferral(ctx: RegistryContext, id: string, locale: Locale) {
  const referral = await pendingReferral(ctx, id);
  const [family = referral.email.split('@')[0]!, ...given] = referral.name.trim().split(/\s+/);
  const record = await createRecord(
    ctx,
    { familyName: family, givenName: given.join(' '), emails: [referral.email], consentSource: 'referral' },
    'referral',
  );
  await issueInvitation(ctx.deps, ctx.tx, ctx.tenant, record, {
    locale,
    template: defaultInvitationTemplates[locale],
    invitedBy: ctx.actor.membershipId,
    source: 'referral',
  });
  await decideReferral(ctx, id, 'approved', record.id);
}

export async function dismissReferral(ctx: RegistryContext, id: string) {
  await pendingReferral(ctx, id);
  await decideReferral(ctx, id, 'dismissed', null);
}

async function decideReferral(
  ctx: RegistryContext,
  id: string,
  status: Exclude<ReviewStatus, 'pending'>,
  recordId: string | null,
) {
  await ctx.tx
    .update(referrals)
    .set({ status, decidedAt: new Date(), ...(recordId ? { recordId } : {}) })
    .where(and(eq(referrals.tenantId, ctx.tenant.id), eq(referrals.id, id)));
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: `referral.${status}`,
    targetType: 'referral',
    targetId: id,
    ipAddress: ctx.ipAddress,
  });
}
