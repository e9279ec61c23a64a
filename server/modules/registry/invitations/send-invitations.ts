import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { alumniRecords, invitations, invitationTemplates } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import { createToken } from '../../../platform/auth/tokens.js';
import { conflict, invalid } from '../../../platform/errors.js';
import type { Deps } from '../../../platform/http/env.js';
import { queueMail } from '../../../platform/mail/queue-mail.js';
import type { TenantRef } from '../../tenancy/tenant-context.js';
import type { RegistryContext } from '../context.js';
import { recordFilterConditions } from '../record-query.js';
import type { RecordRow } from '../record-values.js';
import { writeHistory } from '../records.js';
import type { RecordFilter } from '../schemas.js';
import { findSegment, segmentFilter } from '../segments.js';
import { displayName, invitationBlocker, renderInvitation, type SkipReason } from './invitation-rules.js';

export const INVITATION_DAYS = 30;
export const invitationTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type Selection = {
  recordIds?: string[] | undefined;
  segment?: string | undefined;
  filter?: RecordFilter | undefined;
};

const MAX_PER_SEND = 5000;

async function selectRecords(ctx: RegistryContext, selection: Selection): Promise<RecordRow[]> {
  const base = eq(alumniRecords.tenantId, ctx.tenant.id);
  if (selection.recordIds?.length) {
    return ctx.tx
      .select()
      .from(alumniRecords)
      .where(and(base, inArray(alumniRecords.id, selection.recordIds)));
  }
  const filter = selection.segment
    ? segmentFilter(await findSegment(ctx, { id: selection.segment }))
    : (selection.filter ?? {});
  return ctx.tx
    .select()
    .from(alumniRecords)
    .where(and(...recordFilterConditions(ctx.tenant.id, filter)))
    .limit(MAX_PER_SEND);
}

/** Who would receive the invitation and who is skipped, with the reason, before anything is sent. */
export async function previewInvitations(ctx: RegistryContext, selection: Selection) {
  const records = await selectRecords(ctx, selection);
  const invitable: RecordRow[] = [];
  const skipped: { record: RecordRow; reason: SkipReason }[] = [];
  for (const record of records) {
    const reason = invitationBlocker(record);
    if (reason) skipped.push({ record, reason });
    else invitable.push(record);
  }
  return { invitable, skipped };
}

export function invitationLink(publicUrl: string, slug: string, token: string) {
  return `${publicUrl}/invite/${slug}#token=${token}`;
}

/**
 * Creates one invitation per record (token stored hashed), mails it by job in this transaction and
 * marks the record invited. Used by HR, and by referrals and join requests under the same rules.
 */
export async function issueInvitation(
  deps: Deps,
  tx: Queryable,
  tenant: TenantRef,
  record: RecordRow,
  options: {
    locale: 'ja' | 'en';
    template: { subject: string; body: string };
    invitedBy: string | null;
    source: 'staff' | 'referral' | 'join_request';
    email?: string;
    reminderAfterDays?: number | undefined;
  },
) {
  const token = createToken();
  const email = options.email ?? record.emails[0]!;
  const link = invitationLink(deps.config.publicUrl, tenant.slug, token);
  const mail = renderInvitation(options.template, {
    name: displayName(record),
    company: options.locale === 'ja' ? tenant.nameJa : tenant.nameEn,
    link,
  });
  const reminderAt = options.reminderAfterDays
    ? new Date(Date.now() + options.reminderAfterDays * 24 * 3600 * 1000)
    : null;
  const [invitation] = await tx
    .insert(invitations)
    .values({
      tenantId: tenant.id,
      recordId: record.id,
      email,
      tokenHash: invitationTokenHash(token),
      locale: options.locale,
      subject: options.template.subject,
      body: options.template.body,
      source: options.source,
      invitedBy: options.invitedBy,
      reminderAt,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
    })
    .returning();
  await queueMail(deps.jobs, tx, { to: email, subject: mail.subject, text: mail.text });
  if (reminderAt) {
    // The token travels in the job because only its hash is stored; the job row goes once it has run.
    await deps.jobs.send(
      tx,
      'registry.invitation.remind',
      { tenantId: tenant.id, invitationId: invitation!.id, token },
      { startAfter: reminderAt },
    );
  }
  if (record.status !== 'invited') {
    await tx
      .update(alumniRecords)
      .set({ status: 'invited', updatedAt: new Date() })
      .where(and(eq(alumniRecords.tenantId, tenant.id), eq(alumniRecords.id, record.id)));
    await writeHistory(tx, {
      tenantId: tenant.id,
      recordId: record.id,
      actorMembershipId: options.invitedBy,
      source: options.source === 'staff' ? 'invitation' : options.source,
      changes: { status: [record.status, 'invited'] },
    });
  }
  return invitation!;
}

export async function sendInvitations(
  ctx: RegistryContext,
  input: Selection & {
    locale: 'ja' | 'en';
    subject: string;
    body: string;
    reminderAfterDays?: number | undefined;
    saveTemplateAs?: string | undefined;
  },
) {
  const { invitable, skipped } = await previewInvitations(ctx, input);
  if (invitable.length === 0) throw invalid([], 'invitation_nobody');
  if (input.saveTemplateAs) {
    const [taken] = await ctx.tx
      .select({ id: invitationTemplates.id })
      .from(invitationTemplates)
      .where(
        and(
          eq(invitationTemplates.tenantId, ctx.tenant.id),
          eq(invitationTemplates.name, input.saveTemplateAs),
        ),
      );
    if (taken) throw conflict('template_name_taken');
    await ctx.tx.insert(invitationTemplates).values({
      tenantId: ctx.tenant.id,
      name: input.saveTemplateAs,
      locale: input.locale,
      subject: input.subject,
      body: input.body,
    });
  }
  for (const record of invitable) {
    await issueInvitation(ctx.deps, ctx.tx, ctx.tenant, record, {
      locale: input.locale,
      template: { subject: input.subject, body: input.body },
      invitedBy: ctx.actor.membershipId,
      source: 'staff',
      reminderAfterDays: input.reminderAfterDays,
    });
  }
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'invitations.sent',
    targetType: 'invitation',
    data: {
      sent: invitable.length,
      skipped: skipped.length,
      reminderAfterDays: input.reminderAfterDays ?? null,
    },
    ipAddress: ctx.ipAddress,
  });
  return { sent: invitable.length, skipped };
}
