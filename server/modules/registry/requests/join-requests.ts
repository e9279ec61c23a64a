import { and, desc, eq } from 'drizzle-orm';
import type { AppTransaction } from '../../../db/client.js';
import { joinRequests, type ReviewStatus, tenants } from '../../../db/schema/index.js';
import { enterTenant } from '../../../db/scope.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { Deps } from '../../../platform/http/env.js';
import type { Locale } from '../../../platform/i18n/messages.js';
import { queueMail } from '../../../platform/mail/queue-mail.js';
import type { RegistryContext } from '../context.js';
import { defaultInvitationTemplates } from '../invitations/invitation-rules.js';
import { issueInvitation } from '../invitations/send-invitations.js';
import { isExcluded } from '../record-values.js';
import { createRecord, findRecord } from '../records.js';
import { type Claim, matchRecords } from './match-records.js';

export type JoinRequestInput = Claim & {
  joinedYear?: number | undefined;
  department?: string | undefined;
  message?: string | undefined;
};

const neutralMail = (locale: Locale, network: string) =>
  locale === 'ja'
    ? {
        subject: `${network} アルムナイネットワークへの参加申請について`,
        text:
          `${network} アルムナイネットワークへの参加をご申請いただき、ありがとうございました。\n` +
          '誠に恐れ入りますが、今回はご参加をご案内できません。\nご不明な点は人事担当までお問い合わせください。\n',
      }
    : {
        subject: `Your request to join the ${network} alumni network`,
        text:
          `Thank you for asking to join the ${network} alumni network.\n` +
          'We are sorry, but we cannot offer you a place at this time.\nPlease contact the HR team with any questions.\n',
      };

/**
 * Someone asks to join without an invitation. Every outcome answers the same to the asker:
 * excluded people get a neutral mail, strong matches may be invited straight away, the rest wait for HR.
 */
export async function submitJoinRequest(
  deps: Deps,
  tx: AppTransaction,
  slug: string,
  input: JoinRequestInput,
  locale: Locale,
) {
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw notFound();
  if (tenant.settings.joinRequestsOpen === false) throw new AppError(403, 'join_requests_closed');
  await enterTenant(tx, tenant.id);
  const { strong } = await matchRecords(tx, tenant.id, input);
  let status: ReviewStatus = 'pending';
  const network = locale === 'ja' ? tenant.nameJa : tenant.nameEn;
  if (strong && isExcluded(strong.record)) {
    status = 'refused';
    await queueMail(
      deps.jobs,
      tx,
      { to: input.email, ...neutralMail(locale, network) },
      { lane: 'immediate' },
    );
  } else if (strong && tenant.settings.autoApproveJoinRequests) {
    status = 'approved';
    await issueInvitation(deps, tx, tenant, strong.record, {
      locale,
      template: defaultInvitationTemplates[locale],
      invitedBy: null,
      source: 'join_request',
      email: input.email,
    });
  }
  const [request] = await tx
    .insert(joinRequests)
    .values({
      tenantId: tenant.id,
      email: input.email,
      familyName: input.familyName,
      givenName: input.givenName,
      familyNameKana: input.familyNameKana,
      givenNameKana: input.givenNameKana,
      joinedYear: input.joinedYear ?? null,
      leftYear: input.leftYear ?? null,
      department: input.department ?? '',
      message: input.message ?? '',
      matchedRecordId: strong?.record.id ?? null,
      matchKind: strong?.kind ?? null,
      status,
      decidedAt: status === 'pending' ? null : new Date(),
    })
    .returning();
  await recordAudit(tx, {
    tenantId: tenant.id,
    actorMembershipId: null,
    action: `join_request.${status === 'pending' ? 'received' : status}`,
    targetType: 'join_request',
    targetId: request!.id,
    data: { matchKind: strong?.kind ?? null },
  });
}

export async function listJoinRequests(ctx: RegistryContext, status: ReviewStatus) {
  const rows = await ctx.tx
    .select()
    .from(joinRequests)
    .where(and(eq(joinRequests.tenantId, ctx.tenant.id), eq(joinRequests.status, status)))
    .orderBy(desc(joinRequests.createdAt))
    .limit(100);
  return Promise.all(
    rows.map(async (request) => ({
      request,
      candidates: (await matchRecords(ctx.tx, ctx.tenant.id, request)).candidates,
    })),
  );
}

async function pendingRequest(ctx: RegistryContext, id: string) {
  const [request] = await ctx.tx
    .select()
    .from(joinRequests)
    .where(and(eq(joinRequests.tenantId, ctx.tenant.id), eq(joinRequests.id, id)));
  if (!request) throw notFound();
  if (request.status !== 'pending') throw new AppError(409, 'request_decided');
  return request;
}

/** HR approves: with a chosen record, or a new one made from the request; the invitation goes to the asker. */
export async function approveJoinRequest(
  ctx: RegistryContext,
  id: string,
  input: { recordId?: string | undefined; locale: Locale },
) {
  const request = await pendingRequest(ctx, id);
  const record = input.recordId
    ? await findRecord(ctx.tx, ctx.tenant.id, input.recordId)
    : await createRecord(
        ctx,
        {
          familyName: request.familyName,
          givenName: request.givenName,
          familyNameKana: request.familyNameKana,
          givenNameKana: request.givenNameKana,
          emails: [request.email],
          lastDepartment: request.department || null,
        },
        'join_request',
      );
  if (isExcluded(record)) throw new AppError(409, 'record_excluded');
  await issueInvitation(ctx.deps, ctx.tx, ctx.tenant, record, {
    locale: input.locale,
    template: defaultInvitationTemplates[input.locale],
    invitedBy: ctx.actor.membershipId,
    source: 'join_request',
    email: request.email,
  });
  await decide(ctx, id, 'approved', record.id);
}

export async function dismissJoinRequest(ctx: RegistryContext, id: string) {
  await pendingRequest(ctx, id);
  await decide(ctx, id, 'dismissed', null);
}

async function decide(
  ctx: RegistryContext,
  id: string,
  status: Exclude<ReviewStatus, 'pending'>,
  recordId: string | null,
) {
  await ctx.tx
    .update(joinRequests)
    .set({
      status,
      decidedAt: new Date(),
      decidedBy: ctx.actor.membershipId,
      ...(recordId ? { matchedRecordId: recordId } : {}),
    })
    .where(and(eq(joinRequests.tenantId, ctx.tenant.id), eq(joinRequests.id, id)));
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: `join_request.${status}`,
    targetType: 'join_request',
    targetId: id,
    ipAddress: ctx.ipAddress,
  });
}
